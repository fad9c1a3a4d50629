using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Pipeline.Rehearsal.GitHub;
using Pipeline.Rehearsal.Tests.GitHub.Support;

namespace Pipeline.Rehearsal.Tests.GitHub;

public sealed class BranchProtectionTests : IDisposable
{
    private readonly RSA _key = RSA.Create(2048);

    [Fact]
    public async Task Direct_writes_to_a_protected_branch_are_rejected_as_GitHub_rejects_them()
    {
        await using var f = await GitHubFixture.StartAsync();
        f.Server.ProtectBranch("acme", "gitops", "main");
        var head = await f.HeadAsync();

        var contents = await f.Api.PutAsync($"{GitHubFixture.Prefix}/contents/README.md", new
        {
            message = "edit", content = Base64("changed\n"), sha = await f.BareGitAsync("rev-parse", "main:README.md"),
        });
        var reference = await f.Api.PatchAsync($"{GitHubFixture.Prefix}/git/refs/heads/main", new { sha = await ChildCommitAsync(f, head) });
        var graph = await GraphQLTests.GraphAsync(f, GraphQueries.CreateCommitOnBranch, new JsonObject { ["input"] = CommitInput(head) });

        contents.Status.Should().Be(409);
        contents.Message.Should().Be("Changes must be made through a pull request.");
        reference.Status.Should().Be(422);
        reference.Message.Should().StartWith("Protected branch update failed for refs/heads/main.");
        graph["errors"]![0]!["message"]!.GetValue<string>().Should().Contain("Changes must be made through a pull request.");
        (await f.HeadAsync()).Should().Be(head);
    }

    [Fact]
    public async Task An_App_on_the_bypass_list_writes_directly_and_others_do_not()
    {
        await using var f = await GitHubFixture.StartAsync();
        f.Server.RegisterApp(5, "Iv23bypass", _key, "gitops-bot");
        f.Server.ProtectBranch("acme", "gitops", "main", new BranchProtection { BypassApps = ["gitops-bot"] });
        var token = await InstallationTokenAsync(f);
        using var bot = new ApiClient(f.Server.ApiUrl, token);
        var head = await f.HeadAsync();

        var response = await bot.PostAsync("graphql", new JsonObject
        {
            ["query"] = GraphQueries.CreateCommitOnBranch,
            ["variables"] = new JsonObject { ["input"] = CommitInput(head) },
        }.ToJsonString());

        response.Body["errors"].Should().BeNull(response.Text);
        (await f.BareGitAsync("log", "-1", "--format=%an", "main")).Should().Be("gitops-bot[bot]");
        (await f.BareGitAsync("log", "-1", "--format=%cn", "main")).Should().Be("GitHub");
    }

    [Fact]
    public async Task Push_to_a_protected_branch_is_declined_unless_the_pusher_is_a_bypass_App()
    {
        await using var f = await GitHubFixture.StartAsync();
        f.Server.RegisterApp(5, "Iv23bypass", _key, "gitops-bot");
        f.Server.ProtectBranch("acme", "gitops", "main", new BranchProtection { BypassApps = ["gitops-bot"] });
        using var work = new TempDirectory();
        var url = f.Server.GitUrl("acme", "gitops").ToString();
        await GitProcess.RunAsync(work.Path, [.. GitProcess.AuthArguments(f.Token), "clone", "-q", url, "w"]);
        var clone = Path.Combine(work.Path, "w");
        await File.WriteAllTextAsync(Path.Combine(clone, "README.md"), "pushed\n");
        await GitProcess.RunAsync(clone, "commit", "-qam", "Push directly");

        var refused = await GitProcess.TryRunAsync(clone, [.. GitProcess.AuthArguments(f.Token), "push", "origin", "main"]);
        var accepted = await GitProcess.TryRunAsync(clone, [.. GitProcess.AuthArguments(await InstallationTokenAsync(f)), "push", "origin", "main"]);

        refused.ExitCode.Should().NotBe(0);
        refused.Error.Should().Contain("GH006: Protected branch update failed for refs/heads/main.")
            .And.Contain("Changes must be made through a pull request.");
        accepted.ExitCode.Should().Be(0, accepted.Error);
        (await f.BareGitAsync("log", "-1", "--format=%s", "main")).Should().Be("Push directly");
    }

    [Fact]
    public async Task Force_push_to_a_protected_branch_is_declined_even_for_a_bypass_App()
    {
        await using var f = await GitHubFixture.StartAsync();
        f.Server.RegisterApp(5, "Iv23bypass", _key, "gitops-bot");
        f.Server.ProtectBranch("acme", "gitops", "main", new BranchProtection { BypassApps = ["gitops-bot"] });
        using var work = new TempDirectory();
        await GitProcess.RunAsync(work.Path, [.. GitProcess.AuthArguments(f.Token), "clone", "-q", f.Server.GitUrl("acme", "gitops").ToString(), "w"]);
        var clone = Path.Combine(work.Path, "w");
        await GitProcess.RunAsync(clone, "commit", "-q", "--amend", "-m", "Rewritten history");

        var push = await GitProcess.TryRunAsync(clone, [.. GitProcess.AuthArguments(await InstallationTokenAsync(f)), "push", "--force", "origin", "main"]);

        push.ExitCode.Should().NotBe(0);
        push.Error.Should().Contain("Cannot force-push to this branch");
    }

    public void Dispose() => _key.Dispose();

    private async Task<string> InstallationTokenAsync(GitHubFixture f)
    {
        var id = f.Server.InstallApp(5, "acme");
        using var app = new ApiClient(f.Server.ApiUrl, TestJwt.Valid(_key, 5, f.Server.Clock.GetUtcNow()), "Bearer");
        return (await app.PostAsync($"app/installations/{id}/access_tokens", new { }))["token"];
    }

    private static async Task<string> ChildCommitAsync(GitHubFixture f, string head)
    {
        var tree = (await f.Api.GetAsync($"{GitHubFixture.Prefix}/git/commits/{head}")).Body["tree"]!["sha"]!.GetValue<string>();
        return (await f.Api.PostAsync($"{GitHubFixture.Prefix}/git/commits", new { message = "child", tree, parents = new[] { head } }))["sha"];
    }

    private static JsonObject CommitInput(string head) => new()
    {
        ["branch"] = new JsonObject { ["repositoryNameWithOwner"] = "acme/gitops", ["branchName"] = "main" },
        ["expectedHeadOid"] = head,
        ["message"] = new JsonObject { ["headline"] = "Bot commit" },
        ["fileChanges"] = new JsonObject
        {
            ["additions"] = new JsonArray(new JsonObject { ["path"] = "README.md", ["contents"] = Base64("by bot\n") }),
        },
    };

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
