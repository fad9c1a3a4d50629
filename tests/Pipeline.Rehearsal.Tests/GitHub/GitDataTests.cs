using System.Text;
using Pipeline.Rehearsal.Tests.GitHub.Support;

namespace Pipeline.Rehearsal.Tests.GitHub;

public sealed class GitDataTests
{
    [Fact]
    public async Task Blob_tree_commit_and_ref_update_land_in_the_bare_repository()
    {
        await using var f = await GitHubFixture.StartAsync();
        var head = await f.HeadAsync();
        var baseTree = (await f.Api.GetAsync($"{GitHubFixture.Prefix}/git/commits/{head}")).Body["tree"]!["sha"]!.GetValue<string>();

        var blob = await f.Api.PostAsync($"{GitHubFixture.Prefix}/git/blobs",
            new { content = Convert.ToBase64String(Encoding.UTF8.GetBytes("image:\n  tag: v2 # pinned\n")), encoding = "base64" });
        blob.Status.Should().Be(201);
        var tree = await f.Api.PostAsync($"{GitHubFixture.Prefix}/git/trees", new
        {
            base_tree = baseTree,
            tree = new object[]
            {
                new { path = "env/dev/values.yaml", mode = "100644", type = "blob", sha = blob["sha"] },
                new { path = "env/new/notes.txt", mode = "100644", type = "blob", content = "new file\n" },
            },
        });
        tree.Status.Should().Be(201, tree.Text);
        var commit = await f.Api.PostAsync($"{GitHubFixture.Prefix}/git/commits",
            new { message = "Pin v2", tree = tree["sha"], parents = new[] { head } });
        commit.Status.Should().Be(201, commit.Text);
        commit.Body["verification"]!["reason"]!.GetValue<string>().Should().Be("unsigned", "GitHub signs a user's REST commits no more than git does");

        var update = await f.Api.PatchAsync($"{GitHubFixture.Prefix}/git/refs/heads/main", new { sha = commit["sha"], force = false });
        update.Status.Should().Be(200, update.Text);

        (await f.BareGitAsync("log", "-1", "--format=%s", "main")).Should().Be("Pin v2");
        (await f.BareGitAsync("show", "main:env/dev/values.yaml")).Should().Be("image:\n  tag: v2 # pinned");
        (await f.BareGitAsync("show", "main:env/new/notes.txt")).Should().Be("new file");
        (await f.BareGitAsync("show", "main:env/prod/values.yaml")).Should().Be("image:\n  tag: v0");
    }

    [Fact]
    public async Task Ref_update_that_is_not_a_fast_forward_is_rejected_with_422()
    {
        await using var f = await GitHubFixture.StartAsync();
        var head = await f.HeadAsync();
        var tree = (await f.Api.GetAsync($"{GitHubFixture.Prefix}/git/commits/{head}")).Body["tree"]!["sha"]!.GetValue<string>();
        var orphan = await f.Api.PostAsync($"{GitHubFixture.Prefix}/git/commits", new { message = "orphan", tree, parents = Array.Empty<string>() });

        var update = await f.Api.PatchAsync($"{GitHubFixture.Prefix}/git/refs/heads/main", new { sha = orphan["sha"], force = false });

        update.Status.Should().Be(422);
        update.Message.Should().Be("Update is not a fast forward");
        (await f.HeadAsync()).Should().Be(head);
    }
}
