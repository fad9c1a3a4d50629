using System.Text;
using System.Text.Json.Nodes;
using Pipeline.Rehearsal.Tests.GitHub.Support;

namespace Pipeline.Rehearsal.Tests.GitHub;

public sealed class GraphQLTests
{
    [Fact]
    public async Task One_query_reads_several_files_and_the_branch_head()
    {
        await using var f = await GitHubFixture.StartAsync();

        var response = await GraphAsync(f, GraphQueries.ReadFilesAndHead, new JsonObject
        {
            ["owner"] = "acme", ["name"] = "gitops", ["a"] = "main:env/dev/values.yaml", ["b"] = "main:env/prod/values.yaml",
        });

        var repository = response["data"]!["repository"]!;
        repository["dev"]!["text"]!.GetValue<string>().Should().Be("image:\n  tag: v1 # pinned\n");
        repository["prod"]!["text"]!.GetValue<string>().Should().Be("image:\n  tag: v0\n");
        repository["missing"].Should().BeNull();
        repository["ref"]!["target"]!["oid"]!.GetValue<string>().Should().Be(await f.HeadAsync());
        repository["dev"]!["oid"]!.GetValue<string>().Should().Be(await f.BareGitAsync("rev-parse", "main:env/dev/values.yaml"));
    }

    [Fact]
    public async Task Files_are_read_at_the_exact_commit_the_branch_points_to()
    {
        await using var f = await GitHubFixture.StartAsync();

        var response = await GraphAsync(f, GraphQueries.FilesAtHead, new JsonObject
        {
            ["owner"] = "acme", ["name"] = "gitops", ["ref"] = "refs/heads/main", ["p0"] = "env/dev/values.yaml", ["p1"] = "nope.yaml",
        });

        response["errors"].Should().BeNull(response.ToJsonString());
        var target = response["data"]!["repository"]!["ref"]!["target"]!;
        target["oid"]!.GetValue<string>().Should().Be(await f.HeadAsync());
        target["f0"]!["path"]!.GetValue<string>().Should().Be("env/dev/values.yaml");
        target["f0"]!["object"]!["text"]!.GetValue<string>().Should().Be("image:\n  tag: v1 # pinned\n");
        target["f0"]!["object"]!["isBinary"]!.GetValue<bool>().Should().BeFalse();
        target["f1"].Should().BeNull();
    }

    [Fact]
    public async Task History_lists_the_newest_commits_that_changed_a_path_as_git_log_does()
    {
        await using var f = await GitHubFixture.StartAsync();
        await Branches.CommitFileAsync(f, "main", "env/dev/values.yaml", "image:\n  tag: v2\n");
        await Branches.CommitFileAsync(f, "main", "README.md", "touched outside env/dev\n");

        var response = await GraphAsync(f, GraphQueries.DefaultBranchHistory, new JsonObject { ["owner"] = "acme", ["name"] = "gitops", ["path"] = "env/dev" });

        response["errors"].Should().BeNull(response.ToJsonString());
        var branch = response["data"]!["repository"]!["defaultBranchRef"]!;
        branch["name"]!.GetValue<string>().Should().Be("main");
        var target = branch["target"]!;
        var changedDev = (await f.BareGitAsync("log", "--format=%H", "main", "--", "env/dev")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var everything = (await f.BareGitAsync("log", "--format=%H", "main")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        target["dev"]!["nodes"]!.AsArray().Select(n => n!["oid"]!.GetValue<string>()).Should().Equal(changedDev.Take(1));
        changedDev.Should().HaveCountGreaterThan(1);
        target["dev"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>().Should().BeTrue();
        target["dev"]!["nodes"]![0]!["message"]!.GetValue<string>().Should().Be((await f.BareGitAsync("log", "-1", "--format=%B", changedDev[0])).TrimEnd('\n'));
        target["all"]!["nodes"]!.AsArray().Select(n => n!["oid"]!.GetValue<string>()).Should().Equal(everything);
        target["all"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public async Task CreateCommitOnBranch_writes_additions_and_deletions_in_one_verified_commit()
    {
        await using var f = await GitHubFixture.StartAsync();
        var head = await f.HeadAsync();

        var response = await GraphAsync(f, GraphQueries.CreateCommitOnBranch, new JsonObject { ["input"] = Input(head) });

        response["errors"].Should().BeNull(response.ToJsonString());
        var commit = response["data"]!["createCommitOnBranch"]!["commit"]!;
        commit["signature"]!["isValid"]!.GetValue<bool>().Should().BeTrue();
        var oid = commit["oid"]!.GetValue<string>();
        (await f.BareGitAsync("rev-parse", "main")).Should().Be(oid);
        (await f.BareGitAsync("rev-parse", "main^")).Should().Be(head);
        (await f.BareGitAsync("show", "main:env/dev/values.yaml")).Should().Be("image:\n  tag: v2");
        (await f.BareGitAsync("ls-tree", "-r", "--name-only", "main")).Should().NotContain("env/prod/values.yaml");
        (await f.BareGitAsync("log", "-1", "--format=%s%n%b", "main")).Should().Be("Promote v2\nBody line");
    }

    [Fact]
    public async Task CreateCommitOnBranch_with_a_stale_expected_head_is_rejected_and_writes_nothing()
    {
        await using var f = await GitHubFixture.StartAsync();
        var head = await f.HeadAsync();
        var first = await GraphAsync(f, GraphQueries.CreateCommitOnBranch, new JsonObject { ["input"] = Input(head) });
        first["errors"].Should().BeNull();
        var moved = await f.HeadAsync();

        var second = await GraphAsync(f, GraphQueries.CreateCommitOnBranch, new JsonObject { ["input"] = Input(head) });

        second["data"]!["createCommitOnBranch"].Should().BeNull();
        second["errors"]![0]!["type"]!.GetValue<string>().Should().Be("STALE_DATA");
        second["errors"]![0]!["message"]!.GetValue<string>().Should().Contain("Expected branch to point to");
        (await f.HeadAsync()).Should().Be(moved);
    }

    private static JsonObject Input(string head) => new()
    {
        ["branch"] = new JsonObject { ["repositoryNameWithOwner"] = "acme/gitops", ["branchName"] = "main" },
        ["expectedHeadOid"] = head,
        ["message"] = new JsonObject { ["headline"] = "Promote v2", ["body"] = "Body line" },
        ["fileChanges"] = new JsonObject
        {
            ["additions"] = new JsonArray(new JsonObject
            {
                ["path"] = "env/dev/values.yaml",
                ["contents"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("image:\n  tag: v2\n")),
            }),
            ["deletions"] = new JsonArray(new JsonObject { ["path"] = "env/prod/values.yaml" }),
        },
    };

    internal static async Task<JsonNode> GraphAsync(GitHubFixture f, string query, JsonObject variables)
    {
        var response = await f.Api.PostAsync("graphql", new JsonObject { ["query"] = query, ["variables"] = variables }.ToJsonString());
        response.Status.Should().Be(200, response.Text);
        return response.Body;
    }
}
