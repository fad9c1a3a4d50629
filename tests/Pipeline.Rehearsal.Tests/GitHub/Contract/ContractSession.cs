using System.Security.Cryptography;
using System.Text;
using Pipeline.Rehearsal.GitHub;
using Pipeline.Rehearsal.Tests.GitHub.Support;

namespace Pipeline.Rehearsal.Tests.GitHub.Contract;

/// <summary>
/// One scripted conversation that calls every REST endpoint the server serves, through real HTTP, in both
/// successful and failing ways; the exchanges are then checked against GitHub's OpenAPI description.
/// </summary>
public sealed class ContractSession : IAsyncLifetime
{
    private readonly List<ApiResponse> _exchanges = [];
    private GitHubFixture? _fixture;

    public IReadOnlyList<ApiResponse> Exchanges => _exchanges;

    public IReadOnlyList<(string Method, string Template)> Routes { get; private set; } = [];

    public async Task InitializeAsync()
    {
        _fixture = await GitHubFixture.StartAsync();
        var f = _fixture;
        Routes = f.Server.Routes;
        var api = f.Api;
        const string r = GitHubFixture.Prefix;

        var head = await Record(api.GetAsync(r + "/git/ref/heads/main"));
        var mainSha = head.Body["object"]!["sha"]!.GetValue<string>();
        await Record(api.GetAsync(r));
        await Record(api.GetAsync(r + "/branches"));
        await Record(api.GetAsync(r + "/branches/main"));
        await Record(api.GetAsync(r + "/git/matching-refs/heads/"));
        await Record(api.GetAsync(r + "/commits/main"));
        await Record(api.GetAsync(r + "/contents/env/dev/values.yaml?ref=main"));
        await Record(api.GetAsync(r + "/contents/env"));
        await Record(api.GetAsync(r + "/contents/nope.txt"));

        var blob = await Record(api.PostAsync(r + "/git/blobs", new { content = "hello\n", encoding = "utf-8" }));
        await Record(api.GetAsync(r + "/git/blobs/" + blob["sha"]));
        var commit = await Record(api.GetAsync(r + "/git/commits/" + mainSha));
        var tree = await Record(api.PostAsync(r + "/git/trees", new
        {
            base_tree = commit.Body["tree"]!["sha"]!.GetValue<string>(),
            tree = new object[] { new { path = "docs/hello.txt", mode = "100644", type = "blob", sha = blob["sha"] } },
        }));
        await Record(api.GetAsync(r + "/git/trees/" + tree["sha"] + "?recursive=1"));
        var newCommit = await Record(api.PostAsync(r + "/git/commits", new { message = "Add hello", tree = tree["sha"], parents = new[] { mainSha } }));
        await Record(api.PostAsync(r + "/git/refs", new { @ref = "refs/heads/feature", sha = mainSha }));
        await Record(api.PostAsync(r + "/git/refs", new { @ref = "refs/heads/feature", sha = mainSha }));
        await Record(api.PatchAsync(r + "/git/refs/heads/feature", new { sha = newCommit["sha"], force = false }));
        await Record(api.PatchAsync(r + "/git/refs/heads/feature", new { sha = mainSha, force = false }));
        await Record(api.PostAsync(r + "/git/refs", new { @ref = "refs/heads/scratch", sha = mainSha }));
        await Record(api.DeleteAsync(r + "/git/refs/heads/scratch"));
        await Record(api.GetAsync(r + "/compare/main...feature"));
        await Record(api.GetAsync(r + "/commits?sha=feature&path=docs/hello.txt&per_page=1"));
        await Record(api.GetAsync(r + "/commits?sha=feature&per_page=1"));
        await Record(api.GetAsync(r + "/commits?sha=feature&per_page=1&page=2"));
        await Record(api.GetAsync(r + "/commits"));
        await Record(api.GetAsync(r + "/commits?sha=no-such-branch"));

        var created = await Record(api.PutAsync(r + "/contents/docs/new.md", new
        {
            message = "Add new.md", content = Convert.ToBase64String(Encoding.UTF8.GetBytes("new\n")), branch = "feature",
        }));
        var fileSha = created.Body["content"]!["sha"]!.GetValue<string>();
        await Record(api.PutAsync(r + "/contents/docs/new.md", new
        {
            message = "Stale", content = Convert.ToBase64String(Encoding.UTF8.GetBytes("stale\n")), branch = "feature",
            sha = "0123456789012345678901234567890123456789",
        }));
        var updated = await Record(api.PutAsync(r + "/contents/docs/new.md", new
        {
            message = "Update new.md", content = Convert.ToBase64String(Encoding.UTF8.GetBytes("newer\n")), branch = "feature", sha = fileSha,
        }));
        await Record(api.DeleteAsync(r + "/contents/docs/new.md", new
        {
            message = "Remove new.md", branch = "feature", sha = updated.Body["content"]!["sha"]!.GetValue<string>(),
        }));

        var pull = await Record(api.PostAsync(r + "/pulls", new { title = "Promote", head = "feature", @base = "main", body = "Body" }));
        await Record(api.PostAsync(r + "/pulls", new { title = "Again", head = "feature", @base = "main" }));
        var number = pull.Body["number"]!.GetValue<int>();
        await Record(api.GetAsync(r + "/pulls?head=acme:feature&state=open"));
        await Record(api.GetAsync(r + $"/pulls/{number}"));
        await Record(api.PatchAsync(r + $"/pulls/{number}", new { title = "Promote v2", body = "Updated" }));
        await Record(api.PostAsync(r + $"/issues/{number}/labels", new { labels = new[] { "promotion", "automerge" } }));
        await Record(api.GetAsync(r + $"/issues/{number}/labels"));
        await Record(api.PutAsync(r + $"/issues/{number}/labels", new { labels = new[] { "promotion" } }));
        await Record(api.DeleteAsync(r + $"/issues/{number}/labels/promotion"));
        await Record(api.PostAsync(r + $"/issues/{number}/comments", new { body = "Superseded by #2." }));
        await Record(api.PostAsync(r + $"/issues/{number}/comments", new { }));
        await Record(api.GetAsync(r + $"/issues/{number}/comments"));
        await Record(api.PostAsync(r + "/statuses/" + pull.Body["head"]!["sha"]!.GetValue<string>(),
            new { state = "success", context = "ci", description = "passed" }));
        await Record(api.GetAsync(r + $"/pulls/{number}/merge"));
        await Record(api.PutAsync(r + $"/pulls/{number}/merge", new { merge_method = "squash", commit_title = "Promote (squash)" }));
        await Record(api.GetAsync(r + $"/pulls/{number}/merge"));
        await Record(api.PatchAsync(r + $"/pulls/{number}", new { state = "closed" }));

        var release = await Record(api.PostAsync(r + "/releases", new { tag_name = "v1.0.0", name = "1.0.0", body = "notes", prerelease = true }));
        await Record(api.PostAsync(r + "/releases", new { tag_name = "v1.0.0" }));
        await Record(api.GetAsync(r + "/releases/tags/v1.0.0"));
        await Record(api.GetAsync(r + "/releases/tags/v9.9.9"));
        await Record(api.SendAsync(HttpMethod.Post, "uploads/" + r + $"/releases/{release.Body["id"]}/assets?name=notes.json", "{\"a\":1}"));
        await Record(api.GetAsync(r + $"/releases/{release.Body["id"]}/assets"));

        await Record(api.PostAsync(r + "/dispatches", new { event_type = "promoted", client_payload = new { image = "x@sha256:1" } }));
        await Record(api.PostAsync(r + "/dispatches", new { event_type = new string('x', 101) }));
        await Record(api.GetAsync("user"));
        await Record(api.GetAsync(""));
        await Record(api.GetAsync(r + "/git/refs"));
        await Record(api.GetAsync(r + "/git/refs/heads"));
        await Record(api.GetAsync(r + "/git/refs/heads/main"));
        var repositoryId = (await Record(api.GetAsync(r))).Body["id"]!.GetValue<long>();
        await Record(api.GetAsync($"repositories/{repositoryId}"));
        await Record(api.GetAsync(r + $"/pulls/{number}/files"));
        await Record(api.GetAsync(r + "/commits/main/status"));
        await Record(api.GetAsync(r + $"/commits/{mainSha}/statuses"));
        f.Server.ProtectBranch(GitHubFixture.Owner, GitHubFixture.Repo, "release", new BranchProtection { RequiredChecks = ["ci"] });
        await Record(api.GetAsync(r + "/branches/release/protection"));
        await Record(api.GetAsync(r + "/branches/main/protection"));

        using var key = RSA.Create(2048);
        var app = f.Server.RegisterApp(4242, "Iv23contract", key, "promoter");
        var installationId = f.Server.InstallApp(app.Id, GitHubFixture.Owner);
        using var appApi = new ApiClient(f.Server.ApiUrl, TestJwt.Valid(key, app.Id, f.Server.Clock.GetUtcNow()), "Bearer");
        await Record(appApi.GetAsync("app"));
        await Record(appApi.GetAsync("app/installations"));
        await Record(appApi.GetAsync($"app/installations/{installationId}"));
        await Record(appApi.GetAsync(r + "/installation"));
        var token = await Record(appApi.PostAsync($"app/installations/{installationId}/access_tokens",
            new { repositories = new[] { "gitops" }, permissions = new { contents = "write", pull_requests = "write", statuses = "write", checks = "write" } }));
        await Record(appApi.PostAsync($"app/installations/{installationId}/access_tokens", new { repositories = new[] { "other" } }));
        using var installationApi = new ApiClient(f.Server.ApiUrl, token["token"]);
        await Record(installationApi.GetAsync("installation/repositories"));
        await Record(installationApi.PostAsync(r + "/statuses/" + mainSha, new { state = "pending", context = "ci" }));
        var run = await Record(installationApi.PostAsync(r + "/check-runs", new { name = "build", head_sha = mainSha, status = "in_progress" }));
        await Record(installationApi.PatchAsync(r + "/check-runs/" + run.Body["id"], new { conclusion = "success", output = new { title = "Built", summary = "ok" } }));
        await Record(installationApi.GetAsync(r + "/check-runs/" + run.Body["id"]));
        await Record(installationApi.GetAsync(r + "/commits/main/check-runs?check_name=build"));
        await Record(api.PostAsync(r + "/check-runs", new { name = "build", head_sha = mainSha }));
        await Record(installationApi.DeleteAsync("installation/token"));
        await Record(installationApi.GetAsync(r));
    }

    public async Task DisposeAsync()
    {
        if (_fixture is not null)
        {
            await _fixture.DisposeAsync();
        }
    }

    private async Task<ApiResponse> Record(Task<ApiResponse> call)
    {
        var response = await call;
        _exchanges.Add(response);
        return response;
    }
}
