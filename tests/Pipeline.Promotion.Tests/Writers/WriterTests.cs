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
        var history = await HistoryAsync(writer, sha!, [], 50);

        history.Select(c => c.Sha).Should().Equal(sha, main);
        history[0].Message.Should().StartWith("Pin 2");
        await writer.DeleteBranchAsync("promote/app/dev");
        (await writer.GetBranchHeadAsync("promote/app/dev")).Should().BeNull();
        (await github.HeadAsync(repository)).Should().Be(main);
    }

    [Theory]
    [MemberData(nameof(ApiAndGitMethods))]
    public async Task History_lists_only_commits_that_changed_the_paths_newest_first_up_to_the_limit(WriteMethod method)
    {
        var repository = await github.RepositoryAsync(files: new Dictionary<string, string>
        {
            ["envs/prod/values.yaml"] = "tag: 1\n", ["envs/prod/kustomization.yaml"] = "tag: 1\n", ["envs/dev/values.yaml"] = "tag: 1\n",
        });
        var seed = await github.HeadAsync(repository);
        var values = await github.CompetingCommitAsync(repository, "envs/prod/values.yaml", _ => "tag: 2\n");
        await github.CompetingCommitAsync(repository, "envs/dev/values.yaml", _ => "tag: 2\n");
        var kustomization = await github.CompetingCommitAsync(repository, "envs/prod/kustomization.yaml", _ => "tag: 2\n");
        using var client = github.Client();
        await using var writer = Support.Writers.Create(method, github, repository, client);
        var head = (await writer.ReadAsync("main", ["envs/prod/values.yaml"])).HeadSha!;
        var before = github.Server.RequestLog.Count;

        var both = await HistoryAsync(writer, head, ["envs/prod/values.yaml", "envs/prod/kustomization.yaml"], 50);
        var one = await HistoryAsync(writer, head, ["envs/prod/values.yaml"], 50);
        var limited = await HistoryAsync(writer, head, ["envs/prod/values.yaml", "envs/prod/kustomization.yaml"], 2);

        both.Select(c => c.Sha).Should().Equal(kustomization, values, seed);
        one.Select(c => c.Sha).Should().Equal(values, seed);
        limited.Select(c => c.Sha).Should().Equal(kustomization, values);
        both[1].Message.Should().StartWith("Competing change");
        if (method != WriteMethod.Git)
        {
            var listings = github.Server.RequestLog.Skip(before).Where(r => r.Path.EndsWith($"/repos/{repository}/commits", StringComparison.Ordinal)).ToList();
            listings.Select(r => r.Query).Should().Equal(
                "?sha=" + head + "&path=envs%2Fprod&per_page=50", "?sha=" + head + "&path=envs%2Fprod%2Fvalues.yaml&per_page=50", "?sha=" + head + "&path=envs%2Fprod&per_page=2");
            github.Server.RequestLog.Skip(before).Should().NotContain(r => r.Path.Contains("/git/commits/", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task History_deeper_than_a_page_is_read_in_pages_of_a_hundred()
    {
        var repository = await github.RepositoryAsync(files: new Dictionary<string, string> { ["values.yaml"] = "tag: 0\n" });
        var stream = new StringBuilder();
        for (var i = 1; i <= 120; i++)
        {
            var message = $"Pin {i}\n";
            var content = $"tag: {i}\n";
            stream.Append($"commit refs/heads/main\ncommitter Test <test@example.invalid> {1700000000 + i} +0000\ndata {message.Length}\n{message}");
            stream.Append(i == 1 ? $"from {await github.HeadAsync(repository)}\n" : "").Append($"M 100644 inline values.yaml\ndata {content.Length}\n{content}\n");
        }

        await Git.FastImportAsync(github.BarePath(repository), stream.ToString());
        var head = await github.HeadAsync(repository);

        using var client = github.Client();
        await using var writer = Support.Writers.Create(WriteMethod.GitData, github, repository, client);
        var before = github.Server.RequestLog.Count;

        var history = await HistoryAsync(writer, head, ["values.yaml"], 110);

        history.Should().HaveCount(110);
        history[0].Message.Should().StartWith("Pin 120");
        history[^1].Message.Should().StartWith("Pin 11");
        github.Server.RequestLog.Skip(before).Select(r => r.Query).Should().Equal(
            "?sha=" + head + "&path=values.yaml&per_page=100", "?sha=" + head + "&path=values.yaml&per_page=100&page=2");
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

        (await act.Should().ThrowAsync<PromotionException>()).Which.Message.Should().Contain("writes one file per commit").And.Contain("Use --write-method GraphQL").And.Contain("GitData");
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

    private static async Task<List<HistoryCommit>> HistoryAsync(IPromotionWriter writer, string head, IReadOnlyList<string> paths, int limit)
    {
        var history = new List<HistoryCommit>();
        await foreach (var commit in writer.ReadHistoryAsync(head, paths, limit))
        {
            history.Add(commit);
        }

        return history;
    }
}
