using System.Text;
using System.Text.Json.Nodes;
using Pipeline.Rehearsal.Tests.GitHub.Support;

namespace Pipeline.Rehearsal.Tests.GitHub;

public sealed class ConcurrencyTests
{
    private const string R = GitHubFixture.Prefix;

    [Fact]
    public async Task Exactly_one_of_two_racing_fast_forward_ref_updates_wins()
    {
        await using var f = await GitHubFixture.StartAsync();
        var head = await f.HeadAsync();
        var left = await ChildAsync(f, head, "left");
        var right = await ChildAsync(f, head, "right");

        var results = await Task.WhenAll(
            f.Api.PatchAsync(R + "/git/refs/heads/main", new { sha = left, force = false }),
            f.Api.PatchAsync(R + "/git/refs/heads/main", new { sha = right, force = false }));

        results.Select(r => r.Status).Should().BeEquivalentTo([200, 422]);
        results.Single(r => r.Status == 422).Message.Should().Be("Update is not a fast forward");
        var winner = results.Single(r => r.Status == 200).Body["object"]!["sha"]!.GetValue<string>();
        (await f.BareGitAsync("rev-parse", "main")).Should().Be(winner);
    }

    [Fact]
    public async Task Exactly_one_of_two_contents_writes_with_the_same_blob_sha_wins()
    {
        await using var f = await GitHubFixture.StartAsync();
        var sha = (await f.Api.GetAsync(R + "/contents/env/dev/values.yaml"))["sha"];

        var results = await Task.WhenAll(new[] { "v2", "v3" }.Select(tag => f.Api.PutAsync(R + "/contents/env/dev/values.yaml", new
        {
            message = "Pin " + tag, content = Convert.ToBase64String(Encoding.UTF8.GetBytes($"image:\n  tag: {tag}\n")), sha,
        })));

        results.Select(r => r.Status).Should().BeEquivalentTo([200, 409]);
        (await f.BareGitAsync("rev-list", "--count", "main")).Should().Be("2");
    }

    [Fact]
    public async Task Exactly_one_of_two_createCommitOnBranch_with_the_same_expected_head_wins()
    {
        await using var f = await GitHubFixture.StartAsync();
        var head = await f.HeadAsync();

        var results = await Task.WhenAll(new[] { "a", "b" }.Select(name => GraphQLTests.GraphAsync(f, GraphQueries.CreateCommitOnBranch, new JsonObject
        {
            ["input"] = new JsonObject
            {
                ["branch"] = new JsonObject { ["repositoryNameWithOwner"] = "acme/gitops", ["branchName"] = "main" },
                ["expectedHeadOid"] = head,
                ["message"] = new JsonObject { ["headline"] = "Write " + name },
                ["fileChanges"] = new JsonObject
                {
                    ["additions"] = new JsonArray(new JsonObject { ["path"] = name + ".txt", ["contents"] = Convert.ToBase64String([65]) }),
                },
            },
        })));

        results.Count(r => r["errors"] is null).Should().Be(1);
        results.Single(r => r["errors"] is not null)["errors"]![0]!["type"]!.GetValue<string>().Should().Be("STALE_DATA");
        (await f.BareGitAsync("rev-list", "--count", "main")).Should().Be("2");
    }

    [Fact]
    public async Task A_push_and_an_API_write_racing_on_one_branch_never_lose_a_commit()
    {
        await using var f = await GitHubFixture.StartAsync();
        using var work = new TempDirectory();
        await GitProcess.RunAsync(work.Path, [.. GitProcess.AuthArguments(f.Token), "clone", "-q", f.Server.GitUrl("acme", "gitops").ToString(), "w"]);
        var clone = Path.Combine(work.Path, "w");
        await File.WriteAllTextAsync(Path.Combine(clone, "pushed.txt"), "pushed\n");
        await GitProcess.RunAsync(clone, "add", "pushed.txt");
        await GitProcess.RunAsync(clone, "commit", "-qm", "Pushed");

        var push = GitProcess.TryRunAsync(clone, [.. GitProcess.AuthArguments(f.Token), "push", "origin", "main"]);
        var api = f.Api.PutAsync(R + "/contents/api.txt", new { message = "API", content = Convert.ToBase64String([66]) });
        var (pushResult, apiResult) = (await push, await api);

        var log = await f.BareGitAsync("log", "--format=%s", "main");
        (pushResult.ExitCode == 0 ? 1 : 0).Should().Be(log.Contains("Pushed", StringComparison.Ordinal) ? 1 : 0);
        (apiResult.Status == 201 ? 1 : 0).Should().Be(log.Contains("API", StringComparison.Ordinal) ? 1 : 0);
        (pushResult.ExitCode == 0 || apiResult.Status == 201).Should().BeTrue();
    }

    private static async Task<string> ChildAsync(GitHubFixture f, string parent, string name)
    {
        var tree = await f.Api.PostAsync(R + "/git/trees", new
        {
            base_tree = (await f.Api.GetAsync(R + $"/git/commits/{parent}")).Body["tree"]!["sha"]!.GetValue<string>(),
            tree = new[] { new { path = name + ".txt", mode = "100644", type = "blob", content = name } },
        });
        return (await f.Api.PostAsync(R + "/git/commits", new { message = name, tree = tree["sha"], parents = new[] { parent } }))["sha"];
    }
}
