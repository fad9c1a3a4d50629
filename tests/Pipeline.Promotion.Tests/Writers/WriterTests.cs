using System.Text;
using Pipeline.GitHub;
using Pipeline.Promotion.Tests.Support;
using Pipeline.Rehearsal.GitHub;

namespace Pipeline.Promotion.Tests.Writers;

public sealed class WriterTests(GitOpsServer github) : IClassFixture<GitOpsServer>
{
    private const string Rollout = "# rollout\r\nimage: ghcr.io/org/app:1.0 # pinned\r\nnote: \"héllo\"\r\n";
    private const string Kustomization = "\uFEFFimages:\n  - name: ghcr.io/org/app\n    newTag: \"1.0\"\n";

    public static TheoryData<WriteMethod> MultiFileMethods => new() { WriteMethod.GraphQL, WriteMethod.GitData, WriteMethod.Git };

    public static TheoryData<WriteMethod> ApiAndGitMethods => new() { WriteMethod.GraphQL, WriteMethod.GitData, WriteMethod.Contents, WriteMethod.Git };

    [Theory]
    [MemberData(nameof(MultiFileMethods))]
    public async Task Writer_lands_every_file_in_one_commit_byte_for_byte(WriteMethod method)
    {
        var repository = await github.RepositoryAsync(files: new Dictionary<string, string> { ["env/rollout.yaml"] = Rollout, ["env/kustomization.yaml"] = Kustomization });
        using var client = github.Client();
        await using var writer = Support.Writers.Create(method, github, repository, client);
        var before = await github.HeadAsync(repository);

        var snapshot = await writer.ReadAsync("main", ["env/rollout.yaml", "env/kustomization.yaml", "env/missing.yaml"]);
        var rollout = Encoding.UTF8.GetBytes(Rollout.Replace("1.0", "2.0", StringComparison.Ordinal));
        var kustomization = Encoding.UTF8.GetBytes(Kustomization.Replace("1.0", "2.0", StringComparison.Ordinal));
        var sha = await writer.CommitAsync(snapshot, [new FileContent("env/rollout.yaml", rollout), new FileContent("env/kustomization.yaml", kustomization)],
            new CommitMessage("Pin 2.0", "Environment: prod"));

        snapshot.HeadSha.Should().Be(before);
        snapshot.Files["env/rollout.yaml"]!.Content.Should().Equal(Encoding.UTF8.GetBytes(Rollout));
        snapshot.Files["env/kustomization.yaml"]!.Content.Should().Equal(Encoding.UTF8.GetBytes(Kustomization));
        snapshot.Files["env/missing.yaml"].Should().BeNull();
        (await github.HeadAsync(repository)).Should().Be(sha);
        (await github.GitAsync(repository, "rev-parse", sha! + "^")).Should().Be(before);
        (await github.GitAsync(repository, "diff", "--name-only", before, sha!)).Split('\n').Should().BeEquivalentTo("env/rollout.yaml", "env/kustomization.yaml");
        (await Git.BytesAsync(github.BarePath(repository), "cat-file", "blob", "main:env/rollout.yaml")).Should().Equal(rollout);
        (await Git.BytesAsync(github.BarePath(repository), "cat-file", "blob", "main:env/kustomization.yaml")).Should().Equal(kustomization);
        (await github.GitAsync(repository, "log", "-1", "--format=%B", "main")).Should().Be("Pin 2.0\n\nEnvironment: prod");
    }

    [Theory]
    [MemberData(nameof(ApiAndGitMethods))]
    public async Task Writer_refuses_to_write_on_a_moved_branch_and_keeps_the_other_commit(WriteMethod method)
    {
        var repository = await github.RepositoryAsync(files: new Dictionary<string, string> { ["values.yaml"] = "tag: 1\nother: a\n" });
        using var client = github.Client();
        await using var writer = Support.Writers.Create(method, github, repository, client);
        var snapshot = await writer.ReadAsync("main", ["values.yaml"]);
        var competitor = await github.CompetingCommitAsync(repository, "values.yaml", t => t.Replace("other: a", "other: b", StringComparison.Ordinal));

        var act = () => writer.CommitAsync(snapshot, [new FileContent("values.yaml", Encoding.UTF8.GetBytes("tag: 2\nother: a\n"))], new CommitMessage("Pin 2", ""));

        (await act.Should().ThrowAsync<WriteConflictException>()).Which.Branch.Should().Be("main");
        (await github.HeadAsync(repository)).Should().Be(competitor);
        (await github.ShowTextAsync(repository, "main", "values.yaml")).Should().Be("tag: 1\nother: b\n");
    }

    [Theory]
    [MemberData(nameof(ApiAndGitMethods))]
    public async Task Writer_reports_a_protected_branch_and_writes_nothing(WriteMethod method)
    {
        var repository = await github.RepositoryAsync(files: new Dictionary<string, string> { ["values.yaml"] = "tag: 1\n" });
        github.Server.ProtectBranch(repository.Owner, repository.Name, "main");
        using var client = github.Client();
        await using var writer = Support.Writers.Create(method, github, repository, client);
        var head = await github.HeadAsync(repository);
        var snapshot = await writer.ReadAsync("main", ["values.yaml"]);

        var act = () => writer.CommitAsync(snapshot, [new FileContent("values.yaml", "tag: 2\n"u8.ToArray())], new CommitMessage("Pin 2", ""));

        var refused = (await act.Should().ThrowAsync<ProtectedBranchException>()).Which;
        refused.Branch.Should().Be("main");
        refused.Message.Should().Contain("pull-request");
        (await github.HeadAsync(repository)).Should().Be(head);
    }

    [Theory]
    [MemberData(nameof(ApiAndGitMethods))]
    public async Task Writer_creates_compares_and_deletes_branches(WriteMethod method)
    {
        var repository = await github.RepositoryAsync(files: new Dictionary<string, string> { ["values.yaml"] = "tag: 1\n" });
        using var client = github.Client();
        await using var writer = Support.Writers.Create(method, github, repository, client);
        var main = await github.HeadAsync(repository);

        (await writer.GetDefaultBranchAsync()).Should().Be("main");
        (await writer.GetBranchHeadAsync("promote/app/dev")).Should().BeNull();
        await writer.CreateBranchAsync("promote/app/dev", main);
        var snapshot = await writer.ReadAsync("promote/app/dev", ["values.yaml"]);
        var sha = await writer.CommitAsync(snapshot, [new FileContent("values.yaml", "tag: 2\n"u8.ToArray())], new CommitMessage("Pin 2", ""));

        (await writer.GetBranchHeadAsync("promote/app/dev")).Should().Be(sha);
        (await writer.IsAncestorAsync(main, sha!)).Should().BeTrue();
        (await writer.IsAncestorAsync(sha!, main)).Should().BeFalse();
        var history = new List<HistoryCommit>();
        await foreach (var commit in writer.ReadHistoryAsync(sha!))
        {
            history.Add(commit);
        }

        history.Select(c => c.Sha).Should().Equal(sha, main);
        history[0].Message.Should().StartWith("Pin 2");
        await writer.DeleteBranchAsync("promote/app/dev");
        (await writer.GetBranchHeadAsync("promote/app/dev")).Should().BeNull();
        (await github.HeadAsync(repository)).Should().Be(main);
    }

    [Fact]
    public async Task Contents_writer_refuses_a_commit_of_two_files()
    {
        var repository = await github.RepositoryAsync(files: new Dictionary<string, string> { ["a.yaml"] = "a: 1\n", ["b.yaml"] = "b: 1\n" });
        using var client = github.Client();
        await using var writer = Support.Writers.Create(WriteMethod.Contents, github, repository, client);
        var head = await github.HeadAsync(repository);
        var snapshot = await writer.ReadAsync("main", ["a.yaml", "b.yaml"]);

        var act = () => writer.CommitAsync(snapshot, [new FileContent("a.yaml", "a: 2\n"u8.ToArray()), new FileContent("b.yaml", "b: 2\n"u8.ToArray())], new CommitMessage("Both", ""));

        (await act.Should().ThrowAsync<PromotionException>()).Which.Message.Should().Contain("graphql or git-data");
        (await github.HeadAsync(repository)).Should().Be(head);
    }

    [Fact]
    public async Task Graphql_commits_made_with_an_app_token_are_signed_by_the_app()
    {
        var repository = await github.RepositoryAsync(files: new Dictionary<string, string> { ["values.yaml"] = "tag: 1\n" });
        using var app = github.AppCredentials();
        using var appClient = github.Client(app);
        using var tokens = await InstallationTokenProvider.ForRepositoryAsync(appClient.Apps, repository);
        using var client = github.Client(tokens);
        await using var writer = Support.Writers.Create(WriteMethod.GraphQL, github, repository, client);
        var snapshot = await writer.ReadAsync("main", ["values.yaml"]);

        var sha = await writer.CommitAsync(snapshot, [new FileContent("values.yaml", "tag: 2\n"u8.ToArray())], new CommitMessage("Pin 2", ""));

        (await github.GitAsync(repository, "log", "-1", "--format=%an|%cn", sha!)).Should().Be($"{GitOpsServer.AppSlug}[bot]|GitHub");
    }
}
