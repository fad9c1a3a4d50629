using Pipeline.GitHub.Tests.Support;
using Pipeline.Rehearsal.GitHub;

namespace Pipeline.GitHub.Tests.Integration;

public sealed class GraphQLTests(ServerFixture github) : IClassFixture<ServerFixture>
{
    private static readonly Dictionary<string, string> Files = new()
    {
        ["env/prod/values.yaml"] = "image:\n  tag: \"1.0.0\" # pinned\n",
        ["env/prod/kustomization.yaml"] = "images:\n  - name: app\n    newTag: 1.0.0\n",
        ["obsolete.yaml"] = "x: 1\n",
    };

    [Fact]
    public async Task One_query_reads_the_head_and_every_file_at_that_commit()
    {
        var repository = await github.NewRepositoryAsync(Files);
        using var client = github.Client();

        var snapshot = await client.GraphQL.ReadFilesAsync(repository, "main", ["env/prod/values.yaml", "env/prod/kustomization.yaml", "missing.yaml"]);

        snapshot.HeadOid.Should().Be(await github.GitAsync(repository, "rev-parse", "main"));
        snapshot.Files["env/prod/values.yaml"]!.Text.Should().Be(Files["env/prod/values.yaml"]);
        snapshot.Files["env/prod/values.yaml"]!.BlobOid.Should().Be(await github.GitAsync(repository, "rev-parse", "main:env/prod/values.yaml"));
        snapshot.Files["env/prod/kustomization.yaml"]!.Text.Should().Be(Files["env/prod/kustomization.yaml"]);
        snapshot.Files["missing.yaml"].Should().BeNull();
        snapshot.TreeOid.Should().Be(await github.GitAsync(repository, "rev-parse", "main^{tree}"));
        snapshot.Files["env/prod/values.yaml"]!.Mode.Should().Be(Convert.ToInt32("100644", 8));
        github.RequestsFor(repository).Should().BeEmpty("GraphQL goes to one endpoint");
        github.Server.RequestLog.Count(r => r.Path.EndsWith("/graphql", StringComparison.Ordinal)).Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Create_commit_on_branch_lands_additions_and_deletions_in_one_commit_on_the_expected_head()
    {
        var repository = await github.NewRepositoryAsync(Files);
        using var client = github.Client();
        var head = (await client.Git.GetRefAsync(repository, "heads/main")).Object.Sha;

        var created = await client.GraphQL.CreateCommitOnBranchAsync(new CommitOnBranch(repository, "main", head, "Promote app 1.0.1")
        {
            Body = "Digest sha256:abc",
            Additions = [FileAddition.Text("env/prod/values.yaml", "image:\n  tag: \"1.0.1\" # pinned\n"), FileAddition.Text("env/prod/kustomization.yaml", "images:\n  - name: app\n    newTag: 1.0.1\n")],
            Deletions = ["obsolete.yaml"],
        });

        (await github.GitAsync(repository, "rev-parse", "main")).Should().Be(created.Oid);
        (await github.GitAsync(repository, "rev-parse", "main^")).Should().Be(head);
        (await github.GitAsync(repository, "show", "main:env/prod/values.yaml")).Should().Contain("1.0.1\" # pinned");
        (await github.GitAsync(repository, "ls-tree", "-r", "--name-only", "main")).Should().NotContain("obsolete.yaml");
        (await github.GitAsync(repository, "log", "-1", "--format=%B", "main")).Should().Be("Promote app 1.0.1\n\nDigest sha256:abc");
    }

    [Fact]
    public async Task Commit_on_a_head_that_moved_is_an_expected_head_oid_mismatch_and_writes_nothing()
    {
        var repository = await github.NewRepositoryAsync(Files);
        using var client = github.Client();
        var stale = (await client.Git.GetRefAsync(repository, "heads/main")).Object.Sha;
        await client.Contents.PutFileAsync(repository, FileWrite.Text("other.txt", "o\n", "Another writer"));
        var head = await github.GitAsync(repository, "rev-parse", "main");

        var act = () => client.GraphQL.CreateCommitOnBranchAsync(new CommitOnBranch(repository, "main", stale, "Late") { Additions = [FileAddition.Text("env/prod/values.yaml", "late\n")] });

        var mismatch = (await act.Should().ThrowAsync<ExpectedHeadOidMismatchException>()).Which;
        mismatch.ExpectedHeadOid.Should().Be(stale);
        mismatch.Should().BeAssignableTo<GitHubWriteConflictException>();
        (await github.GitAsync(repository, "rev-parse", "main")).Should().Be(head);
    }

    [Fact]
    public async Task Conflicting_graphql_writers_lose_nothing_when_the_loser_rereads_and_reapplies()
    {
        var repository = await github.NewRepositoryAsync(new Dictionary<string, string> { ["pins.txt"] = "base\n" });
        using var first = github.Client();
        using var second = github.Client();
        var readByFirst = await ReadAsync(first, repository);
        var readBySecond = await ReadAsync(second, repository);

        var conflicts = await Task.WhenAll(AppendAsync(first, repository, readByFirst, "app-a\n"), AppendAsync(second, repository, readBySecond, "app-b\n"));

        conflicts.Sum().Should().Be(1);
        var final = await github.GitAsync(repository, "show", "main:pins.txt");
        final.Should().Contain("base").And.Contain("app-a").And.Contain("app-b");
    }

    [Fact]
    public async Task Unknown_branch_and_unknown_repository_are_not_found()
    {
        var repository = await github.NewRepositoryAsync();
        using var client = github.Client();

        var branch = () => client.GraphQL.ReadFilesAsync(repository, "nope", ["a"]);
        var repo = () => client.GraphQL.ReadFilesAsync(new RepositoryId("nobody", "nothing"), "main", ["a"]);

        (await branch.Should().ThrowAsync<GitHubNotFoundException>()).Which.Message.Should().Contain("nope");
        await repo.Should().ThrowAsync<GitHubNotFoundException>();
    }

    [Fact]
    public async Task Commit_to_a_protected_branch_is_refused_as_protected()
    {
        var repository = await github.NewRepositoryAsync(Files);
        github.Server.ProtectBranch(repository.Owner, repository.Name, "main");
        using var client = github.Client();
        var head = await github.GitAsync(repository, "rev-parse", "main");

        var act = () => client.GraphQL.CreateCommitOnBranchAsync(new CommitOnBranch(repository, "main", head, "m") { Additions = [FileAddition.Text("a", "a")] });

        await act.Should().ThrowAsync<GitHubProtectedBranchException>();
    }

    [Fact]
    public async Task Read_query_is_retried_after_502()
    {
        var repository = await github.NewRepositoryAsync(Files);
        using var client = github.Client();
        github.Server.Faults.FailNext("POST", "/graphql", 502);

        var snapshot = await client.GraphQL.ReadFilesAsync(repository, "main", ["obsolete.yaml"]);

        snapshot.Files["obsolete.yaml"]!.Text.Should().Be("x: 1\n");
    }

    [Fact]
    public async Task Commit_mutation_is_not_retried_after_502_since_the_commit_may_have_landed()
    {
        var repository = await github.NewRepositoryAsync(Files);
        using var client = github.Client();
        var head = (await client.Git.GetRefAsync(repository, "heads/main")).Object.Sha;
        var before = github.Server.RequestLog.Count(r => r.Path.EndsWith("/graphql", StringComparison.Ordinal));
        github.Server.Faults.FailNext("POST", "/graphql", 502);

        var act = () => client.GraphQL.CreateCommitOnBranchAsync(new CommitOnBranch(repository, "main", head, "m") { Deletions = ["obsolete.yaml"] });

        (await act.Should().ThrowAsync<GitHubServerException>()).Which.Message.Should().Contain("check whether it happened");
        github.Server.RequestLog.Count(r => r.Path.EndsWith("/graphql", StringComparison.Ordinal)).Should().Be(before + 1);
        (await github.GitAsync(repository, "rev-parse", "main")).Should().Be(head);
    }

    [Fact]
    public async Task Auto_merge_merges_the_pull_request_once_the_required_check_passes()
    {
        var repository = await github.NewRepositoryAsync(Files);
        github.Server.ProtectBranch(repository.Owner, repository.Name, "main", new BranchProtection { RequiredChecks = ["ci/test"] });
        using var client = github.Client();
        var head = (await client.Git.GetRefAsync(repository, "heads/main")).Object.Sha;
        await client.Git.CreateRefAsync(repository, "heads/promote", head);
        await client.Contents.PutFileAsync(repository, FileWrite.Text("a.txt", "a\n", "change") with { Branch = "promote" });
        var pull = await client.PullRequests.CreateAsync(repository, new NewPullRequest("Promote", "promote", "main"));

        await client.GraphQL.EnablePullRequestAutoMergeAsync(new AutoMergeRequest(pull.NodeId, MergeMethod.Squash)
        {
            CommitHeadline = "Promote a (#1)",
            CommitBody = "Environment: prod\nSource-Commit: 0123abc",
            ExpectedHeadOid = pull.Head.Sha,
        });
        var waiting = await client.PullRequests.GetAsync(repository, pull.Number);
        await github.Server.SetCheckAsync(repository.Owner, repository.Name, pull.Head.Sha, "ci/test", CheckConclusion.Success);
        var merged = await client.PullRequests.GetAsync(repository, pull.Number);

        waiting.Merged.Should().NotBe(true);
        merged.Merged.Should().BeTrue();
        (await github.GitAsync(repository, "show", "main:a.txt")).Should().Be("a");
        (await github.GitAsync(repository, "log", "-1", "--format=%B", "main")).Should().Be("Promote a (#1)\n\nEnvironment: prod\nSource-Commit: 0123abc");
    }

    [Fact]
    public async Task Auto_merge_for_a_head_that_moved_is_refused()
    {
        var repository = await github.NewRepositoryAsync(Files);
        github.Server.ProtectBranch(repository.Owner, repository.Name, "main", new BranchProtection { RequiredChecks = ["ci/test"] });
        using var client = github.Client();
        var head = (await client.Git.GetRefAsync(repository, "heads/main")).Object.Sha;
        await client.Git.CreateRefAsync(repository, "heads/promote", head);
        await client.Contents.PutFileAsync(repository, FileWrite.Text("a.txt", "a\n", "change") with { Branch = "promote" });
        var pull = await client.PullRequests.CreateAsync(repository, new NewPullRequest("Promote", "promote", "main"));

        var act = () => client.GraphQL.EnablePullRequestAutoMergeAsync(new AutoMergeRequest(pull.NodeId, MergeMethod.Squash) { ExpectedHeadOid = head });

        (await act.Should().ThrowAsync<GitHubGraphQLException>()).Which.Message.Should().Contain("Head branch was modified");
        (await client.PullRequests.GetAsync(repository, pull.Number)).IsOpen.Should().BeTrue();
    }

    [Fact]
    public async Task Enterprise_style_base_url_serves_rest_under_api_v3_and_graphql_at_api_graphql()
    {
        var repository = await github.NewRepositoryAsync(Files);
        var endpoint = GitHubEndpoint.FromApiUrl(github.Server.EnterpriseApiUrl);
        using var client = new GitHubClient(new GitHubClientOptions(endpoint, GitHubToken.PersonalAccessToken(github.UserToken)));

        var repo = await client.Repositories.GetAsync(repository);
        var head = (await client.Repositories.GetBranchAsync(repository, repo.DefaultBranch)).Commit.Sha;
        var created = await client.GraphQL.CreateCommitOnBranchAsync(new CommitOnBranch(repository, repo.DefaultBranch, head, "m") { Deletions = ["obsolete.yaml"] });

        endpoint.GraphQL.AbsolutePath.Should().Be("/api/graphql");
        (await github.GitAsync(repository, "rev-parse", "main")).Should().Be(created.Oid);
        github.Server.RequestLog.Should().Contain(r => r.Path == "/api/v3/repos/" + repository);
    }

    /// <summary>The head and pins.txt at that head (through REST, pinned to the commit, so the pair is consistent).</summary>
    private static async Task<(string Head, string Text)> ReadAsync(GitHubClient client, RepositoryId repository)
    {
        var head = (await client.Git.GetRefAsync(repository, "heads/main")).Object.Sha;
        return (head, (await client.Contents.GetFileAsync(repository, "pins.txt", head)).Text);
    }

    private static async Task<int> AppendAsync(GitHubClient client, RepositoryId repository, (string Head, string Text) read, string line)
    {
        for (var conflicts = 0; conflicts < 5; conflicts++)
        {
            try
            {
                await client.GraphQL.CreateCommitOnBranchAsync(new CommitOnBranch(repository, "main", read.Head, "Add " + line.Trim())
                {
                    Additions = [FileAddition.Text("pins.txt", read.Text + line)],
                });
                return conflicts;
            }
            catch (ExpectedHeadOidMismatchException)
            {
                read = await ReadAsync(client, repository);
            }
        }

        throw new InvalidOperationException("Five conflicts in a row.");
    }
}
