using System.Text.Json.Nodes;
using Pipeline.Rehearsal.GitHub;
using Pipeline.Rehearsal.Tests.GitHub.Support;

namespace Pipeline.Rehearsal.Tests.GitHub;

public sealed class PullRequestTests
{
    private const string R = GitHubFixture.Prefix;

    [Fact]
    public async Task Pull_request_is_found_by_head_updated_labelled_and_closed()
    {
        await using var f = await GitHubFixture.StartAsync();
        await Branches.CreateWithFileAsync(f, "promote/dev", "env/dev/values.yaml", "image:\n  tag: v2\n");

        var created = await f.Api.PostAsync(R + "/pulls", new { title = "Promote dev", head = "promote/dev", @base = "main" });
        var number = created.Body["number"]!.GetValue<int>();
        var duplicate = await f.Api.PostAsync(R + "/pulls", new { title = "Again", head = "promote/dev", @base = "main" });
        var found = await f.Api.GetAsync(R + "/pulls?head=acme:promote/dev&state=open");
        var notFound = await f.Api.GetAsync(R + "/pulls?head=acme:other&state=open");
        var updated = await f.Api.PatchAsync(R + $"/pulls/{number}", new { title = "Promote dev to v2", body = "Changes" });
        var labels = await f.Api.PostAsync(R + $"/issues/{number}/labels", new { labels = new[] { "promotion" } });
        var closed = await f.Api.PatchAsync(R + $"/pulls/{number}", new { state = "closed" });
        var openAfterClose = await f.Api.GetAsync(R + "/pulls?head=acme:promote/dev&state=open");

        created.Status.Should().Be(201);
        duplicate.Status.Should().Be(422);
        duplicate.Body["errors"]![0]!["message"]!.GetValue<string>().Should().Be("A pull request already exists for acme:promote/dev.");
        found.Body.AsArray().Select(p => p!["number"]!.GetValue<int>()).Should().Equal(number);
        notFound.Body.AsArray().Should().BeEmpty();
        updated["title"].Should().Be("Promote dev to v2");
        labels.Body.AsArray().Select(l => l!["name"]!.GetValue<string>()).Should().Equal("promotion");
        closed["state"].Should().Be("closed");
        openAfterClose.Body.AsArray().Should().BeEmpty();
    }

    [Theory]
    [InlineData("merge", 2)]
    [InlineData("squash", 1)]
    [InlineData("rebase", 1)]
    public async Task Merge_methods_write_the_expected_history_to_the_base_branch(string method, int parents)
    {
        await using var f = await GitHubFixture.StartAsync();
        await Branches.CreateWithFileAsync(f, "feature", "env/dev/values.yaml", "image:\n  tag: v2\n");
        await Branches.CommitFileAsync(f, "main", "README.md", "# moved on\n");
        var number = (await f.Api.PostAsync(R + "/pulls", new { title = "Promote", head = "feature", @base = "main" })).Body["number"]!.GetValue<int>();

        var merged = await f.Api.PutAsync(R + $"/pulls/{number}/merge", new { merge_method = method });

        merged.Status.Should().Be(200, merged.Text);
        merged.Body["merged"]!.GetValue<bool>().Should().BeTrue();
        (await f.BareGitAsync("rev-parse", "main")).Should().Be(merged["sha"]);
        (await f.BareGitAsync("show", "main:env/dev/values.yaml")).Should().Be("image:\n  tag: v2");
        (await f.BareGitAsync("show", "main:README.md")).Should().Be("# moved on");
        (await f.BareGitAsync("log", "-1", "--format=%P", "main")).Split(' ').Should().HaveCount(parents);
        (await f.Api.GetAsync(R + $"/pulls/{number}")).Body["merged"]!.GetValue<bool>().Should().BeTrue();
        (await f.Api.GetAsync(R + $"/pulls/{number}/merge")).Status.Should().Be(204);
    }

    [Fact]
    public async Task Merge_with_a_stale_head_sha_is_a_409_and_conflicting_changes_are_405()
    {
        await using var f = await GitHubFixture.StartAsync();
        await Branches.CreateWithFileAsync(f, "feature", "README.md", "feature\n");
        await Branches.CommitFileAsync(f, "main", "README.md", "main\n");
        var number = (await f.Api.PostAsync(R + "/pulls", new { title = "Conflict", head = "feature", @base = "main" })).Body["number"]!.GetValue<int>();

        var stale = await f.Api.PutAsync(R + $"/pulls/{number}/merge", new { sha = new string('0', 40) });
        var conflict = await f.Api.PutAsync(R + $"/pulls/{number}/merge", new { merge_method = "merge" });
        var pull = await f.Api.GetAsync(R + $"/pulls/{number}");

        stale.Status.Should().Be(409);
        conflict.Status.Should().Be(405);
        conflict.Message.Should().Be("Pull Request is not mergeable");
        pull.Body["mergeable"]!.GetValue<bool>().Should().BeFalse();
        pull["mergeable_state"].Should().Be("dirty");
    }

    [Fact]
    public async Task Auto_merge_waits_for_required_checks_then_merges()
    {
        await using var f = await GitHubFixture.StartAsync();
        f.Server.ProtectBranch("acme", "gitops", "main", new BranchProtection { RequiredChecks = ["ci/build", "ci/test"] });
        var head = await Branches.CreateWithFileAsync(f, "promote/prod", "env/prod/values.yaml", "image:\n  tag: v9\n");
        var pull = (await f.Api.PostAsync(R + "/pulls", new { title = "Promote prod", head = "promote/prod", @base = "main" })).Body;

        var enabled = await GraphQLTests.GraphAsync(f, GraphQueries.EnableAutoMerge, new JsonObject
        {
            ["id"] = pull["node_id"]!.GetValue<string>(), ["method"] = "SQUASH", ["head"] = head,
            ["headline"] = "Promote prod to v9 (#1)", ["body"] = "Environment: prod\nSource-Commit: abc123",
        });
        var blocked = await f.Api.PutAsync(R + $"/pulls/{pull["number"]}/merge", new { });
        await f.Server.SetCheckAsync("acme", "gitops", head, "ci/build", CheckConclusion.Success);
        var stillOpen = await f.Api.GetAsync(R + $"/pulls/{pull["number"]}");
        var status = await f.Api.PostAsync(R + $"/statuses/{head}", new { state = "success", context = "ci/test" });
        var after = await f.Api.GetAsync(R + $"/pulls/{pull["number"]}");

        enabled["errors"].Should().BeNull(enabled.ToJsonString());
        var request = enabled["data"]!["enablePullRequestAutoMerge"]!["pullRequest"]!["autoMergeRequest"]!;
        request["mergeMethod"]!.GetValue<string>().Should().Be("SQUASH");
        request["commitHeadline"]!.GetValue<string>().Should().Be("Promote prod to v9 (#1)");
        stillOpen.Body["auto_merge"]!["commit_message"]!.GetValue<string>().Should().Be("Environment: prod\nSource-Commit: abc123");
        blocked.Status.Should().Be(405);
        blocked.Message.Should().Be("Required status check \"ci/build\" is expected.");
        stillOpen["state"].Should().Be("open");
        stillOpen["mergeable_state"].Should().Be("blocked");
        status.Status.Should().Be(201);
        after.Body["merged"]!.GetValue<bool>().Should().BeTrue();
        (await f.BareGitAsync("show", "main:env/prod/values.yaml")).Should().Be("image:\n  tag: v9");
        (await f.BareGitAsync("log", "-1", "--format=%P", "main")).Split(' ').Should().ContainSingle();
        (await f.BareGitAsync("log", "-1", "--format=%B", "main")).Should().Be("Promote prod to v9 (#1)\n\nEnvironment: prod\nSource-Commit: abc123");
    }

    [Fact]
    public async Task Auto_merge_for_a_head_other_than_the_expected_one_is_refused()
    {
        await using var f = await GitHubFixture.StartAsync();
        f.Server.ProtectBranch("acme", "gitops", "main", new BranchProtection { RequiredChecks = ["ci"] });
        await Branches.CreateWithFileAsync(f, "promote/prod", "env/prod/values.yaml", "image:\n  tag: v9\n");
        var pull = (await f.Api.PostAsync(R + "/pulls", new { title = "Promote prod", head = "promote/prod", @base = "main" })).Body;

        var response = await GraphQLTests.GraphAsync(f, GraphQueries.EnableAutoMerge,
            new JsonObject { ["id"] = pull["node_id"]!.GetValue<string>(), ["head"] = new string('0', 40) });

        response["errors"]![0]!["message"]!.GetValue<string>().Should().Be("Head branch was modified. Review and try the merge again.");
        (await f.Api.GetAsync(R + $"/pulls/{pull["number"]}")).Body["auto_merge"].Should().BeNull();
    }

    [Fact]
    public async Task Auto_merge_cannot_be_enabled_on_a_pull_request_that_can_merge_now()
    {
        await using var f = await GitHubFixture.StartAsync();
        await Branches.CreateWithFileAsync(f, "feature", "README.md", "ready\n");
        var pull = (await f.Api.PostAsync(R + "/pulls", new { title = "Ready", head = "feature", @base = "main" })).Body;

        var response = await GraphQLTests.GraphAsync(f, GraphQueries.EnableAutoMerge,
            new JsonObject { ["id"] = pull["node_id"]!.GetValue<string>() });

        response["errors"]![0]!["message"]!.GetValue<string>().Should().Be("Pull request Pull request is in clean status");
        (await f.Api.GetAsync(R + $"/pulls/{pull["number"]}"))["state"].Should().Be("open");
    }

    [Fact]
    public async Task Merged_head_branch_can_be_deleted_and_the_pull_request_keeps_its_head_sha()
    {
        await using var f = await GitHubFixture.StartAsync();
        var head = await Branches.CreateWithFileAsync(f, "feature", "README.md", "ready\n");
        var number = (await f.Api.PostAsync(R + "/pulls", new { title = "Ready", head = "feature", @base = "main" })).Body["number"]!.GetValue<int>();
        (await f.Api.PutAsync(R + $"/pulls/{number}/merge", new { merge_method = "merge" })).Status.Should().Be(200);

        var deleted = await f.Api.DeleteAsync(R + "/git/refs/heads/feature");
        var pull = await f.Api.GetAsync(R + $"/pulls/{number}");

        deleted.Status.Should().Be(204);
        (await f.Api.GetAsync(R + "/git/ref/heads/feature")).Status.Should().Be(404);
        pull.Body["head"]!["sha"]!.GetValue<string>().Should().Be(head);
    }
}
