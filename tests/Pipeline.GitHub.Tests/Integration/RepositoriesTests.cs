using Pipeline.GitHub.Tests.Support;

namespace Pipeline.GitHub.Tests.Integration;

public sealed class RepositoriesTests(ServerFixture github) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Get_returns_the_default_branch()
    {
        var repository = await github.NewRepositoryAsync();
        using var client = github.Client();

        var found = await client.Repositories.GetAsync(repository);

        found.FullName.Should().Be(repository.ToString());
        found.DefaultBranch.Should().Be("main");
    }

    [Fact]
    public async Task Branch_points_at_the_commit_git_sees()
    {
        var repository = await github.NewRepositoryAsync();
        using var client = github.Client();

        var branch = await client.Repositories.GetBranchAsync(repository, "main");

        branch.Commit.Sha.Should().Be(await github.GitAsync(repository, "rev-parse", "refs/heads/main"));
    }

    [Fact]
    public async Task Compare_counts_commits_ahead_and_behind()
    {
        var repository = await github.NewRepositoryAsync();
        using var client = github.Client();
        var main = (await client.Repositories.GetBranchAsync(repository, "main")).Commit.Sha;
        await client.Git.CreateRefAsync(repository, "refs/heads/feature", main);
        await client.Contents.PutFileAsync(repository, FileWrite.Text("a.txt", "a", "on feature") with { Branch = "feature" });
        await client.Contents.PutFileAsync(repository, FileWrite.Text("b.txt", "b", "on feature") with { Branch = "feature" });
        await client.Contents.PutFileAsync(repository, FileWrite.Text("c.txt", "c", "on main") with { Branch = "main" });

        var comparison = await client.Repositories.CompareAsync(repository, "main", "feature");

        comparison.Status.Should().Be("diverged");
        comparison.AheadBy.Should().Be(2);
        comparison.BehindBy.Should().Be(1);
        comparison.MergeBaseCommit!.Sha.Should().Be(main);
    }
}
