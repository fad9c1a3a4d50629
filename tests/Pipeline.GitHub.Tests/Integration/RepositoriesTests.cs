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

    [Fact]
    public async Task Commits_that_changed_a_path_on_a_branch_come_newest_first_in_one_request_per_page()
    {
        var repository = await github.NewRepositoryAsync(new Dictionary<string, string> { ["env/prod/values.yaml"] = "tag: 1\n", ["README.md"] = "#\n" });
        using var client = github.Client();
        var main = (await client.Repositories.GetBranchAsync(repository, "main")).Commit.Sha;
        await client.Git.CreateRefAsync(repository, "refs/heads/promote", main);
        var first = await client.Contents.PutFileAsync(repository, FileWrite.Text("env/prod/values.yaml", "tag: 2\n", "Promote 2\n\nEnvironment: prod") with { Branch = "promote", Sha = await BlobAsync(client, repository, "promote") });
        await client.Contents.PutFileAsync(repository, FileWrite.Text("README.md", "# x\n", "Docs") with { Branch = "promote", Sha = (await client.Contents.GetFileAsync(repository, "README.md", "promote")).Sha });
        var second = await client.Contents.PutFileAsync(repository, FileWrite.Text("env/prod/values.yaml", "tag: 3\n", "Promote 3") with { Branch = "promote", Sha = await BlobAsync(client, repository, "promote") });
        var before = github.RequestsFor(repository).Count;

        var page1 = await client.Repositories.ListCommitsAsync(repository, new CommitQuery { Sha = "promote", Path = "env/prod/values.yaml", PerPage = 2 });
        var page2 = await client.Repositories.ListCommitsAsync(repository, new CommitQuery { Sha = "promote", Path = "/env/prod/values.yaml", PerPage = 2, Page = 2 });

        github.RequestsFor(repository).Skip(before).Select(r => r.Query).Should().Equal(
            "?sha=promote&path=env%2Fprod%2Fvalues.yaml&per_page=2", "?sha=promote&path=env%2Fprod%2Fvalues.yaml&per_page=2&page=2");
        page1.Select(c => c.Sha).Should().Equal(second.CommitSha, first.CommitSha);
        page1[1].Message.Should().Be("Promote 2\n\nEnvironment: prod");
        page1[0].Commit.Committer!.Date.Should().NotBeNull();
        page1[0].Parents.Should().ContainSingle().Which.Sha.Should().NotBe(first.CommitSha, "the README commit lies between them");
        page2.Select(c => c.Sha).Should().Equal(main);
        (await client.Repositories.ListCommitsAsync(repository)).Select(c => c.Sha).Should().Equal(new[] { main }, "the default branch was not written");
    }

    [Fact]
    public async Task Listing_from_an_unknown_commit_is_not_found_and_page_sizes_beyond_githubs_are_refused()
    {
        var repository = await github.NewRepositoryAsync();
        using var client = github.Client();

        var unknown = () => client.Repositories.ListCommitsAsync(repository, new CommitQuery { Sha = "no-such-branch" });
        var tooLarge = () => client.Repositories.ListCommitsAsync(repository, new CommitQuery { PerPage = 101 });

        (await unknown.Should().ThrowAsync<GitHubNotFoundException>()).Which.Message.Should().Contain("No commit found for SHA: no-such-branch");
        await tooLarge.Should().ThrowAsync<ArgumentOutOfRangeException>().WithMessage("*1 to 100*");
    }

    private static async Task<string> BlobAsync(GitHubClient client, RepositoryId repository, string branch) =>
        (await client.Contents.GetFileAsync(repository, "env/prod/values.yaml", branch)).Sha;
}
