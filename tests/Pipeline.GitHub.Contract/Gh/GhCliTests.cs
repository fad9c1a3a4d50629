using System.Text.Json.Nodes;
using Pipeline.Rehearsal.GitHub;

namespace GitHubContract.Gh;

/// <summary>
/// The GitHub CLI as a second client: <c>gh api</c> (REST and GraphQL) and <c>gh pr create/view/merge</c>, with
/// auto-merge through GraphQL, against the local server served over HTTPS as a GitHub Enterprise host.
/// </summary>
public sealed class GhCliTests : IAsyncLifetime
{
    private LocalGitHubServer _server = null!;
    private GhCli _gh = null!;
    private string _seed = null!;

    private string Repo => _gh.Host + "/acme/gitops";

    public async Task InitializeAsync()
    {
        GhCli.IsInstalled.Should().BeTrue("these tests drive the GitHub CLI; install it (Debian package gh), as ./build.sh Test does on Debian");
        _server = await LocalGitHubServer.StartAsync(new LocalGitHubServerOptions { Https = true });
        _seed = Directory.CreateTempSubdirectory("gh-seed-").FullName;
        await File.WriteAllTextAsync(Path.Combine(_seed, "README.md"), "# gitops\n");
        await _server.CreateRepositoryAsync("acme", "gitops", seedDirectory: _seed);
        _gh = new GhCli(_server, _server.IssuePersonalToken("octocat"));
    }

    public async Task DisposeAsync()
    {
        _gh.Dispose();
        await _server.DisposeAsync();
        Directory.Delete(_seed, recursive: true);
    }

    [Fact]
    public void Gh_api_reads_and_writes_REST_and_asks_GraphQL()
    {
        var repository = Ok(_gh.Run("api", "repos/acme/gitops"));
        var head = Ok(_gh.Run("api", "repos/acme/gitops/git/ref/heads/main", "--jq", ".object.sha")).Trim();
        var created = Ok(_gh.Run("api", "-X", "PUT", "repos/acme/gitops/contents/notes/hello.txt",
            "-f", "message=Add hello", "-f", "content=aGVsbG8K"));
        var viewer = Ok(_gh.Run("api", "graphql", "-f", "query={ viewer { login } repository(owner: \"acme\", name: \"gitops\") { defaultBranchRef { target { oid } } } }"));

        JsonNode.Parse(repository)!["full_name"]!.GetValue<string>().Should().Be("acme/gitops");
        head.Should().MatchRegex("^[0-9a-f]{40}$");
        JsonNode.Parse(created)!["commit"]!["parents"]![0]!["sha"]!.GetValue<string>().Should().Be(head);
        var data = JsonNode.Parse(viewer)!["data"]!;
        data["viewer"]!["login"]!.GetValue<string>().Should().Be("octocat");
        data["repository"]!["defaultBranchRef"]!["target"]!["oid"]!.GetValue<string>()
            .Should().Be(JsonNode.Parse(created)!["commit"]!["sha"]!.GetValue<string>());
    }

    [Fact]
    public async Task Gh_pr_create_view_and_merge()
    {
        await BranchWithChangeAsync("topic", "topic.txt");

        var url = Ok(_gh.Run("pr", "create", "-R", Repo, "--head", "topic", "--base", "main", "--title", "Promote v2", "--body", "Pins v2")).Trim();
        var view = Ok(_gh.Run("pr", "view", "1", "-R", Repo));
        var json = JsonNode.Parse(Ok(_gh.Run("pr", "view", "1", "-R", Repo, "--json", "number,state,title,headRefName,baseRefName,mergeable,additions")))!;
        Ok(_gh.Run("pr", "merge", "1", "-R", Repo, "--squash"));
        var merged = JsonNode.Parse(Ok(_gh.Run("pr", "view", "1", "-R", Repo, "--json", "state,mergeCommit")))!;

        url.Should().Be(_server.BaseUrl + "acme/gitops/pull/1");
        view.Should().Contain("Promote v2").And.Contain("Pins v2");
        json["state"]!.GetValue<string>().Should().Be("OPEN");
        json["headRefName"]!.GetValue<string>().Should().Be("topic");
        json["mergeable"]!.GetValue<string>().Should().Be("MERGEABLE");
        json["additions"]!.GetValue<int>().Should().Be(1);
        merged["state"]!.GetValue<string>().Should().Be("MERGED");
        (await _server.BranchHeadAsync("acme", "gitops", "main")).Should().Be(merged["mergeCommit"]!["oid"]!.GetValue<string>());
    }

    [Fact]
    public async Task Gh_pr_merge_auto_waits_for_the_required_check_then_merges()
    {
        _server.ProtectBranch("acme", "gitops", "main", new BranchProtection { RequiredChecks = ["ci"] });
        var head = await BranchWithChangeAsync("auto", "auto.txt");
        Ok(_gh.Run("pr", "create", "-R", Repo, "--head", "auto", "--base", "main", "--title", "Auto", "--body", "Merges when ci passes"));

        Ok(_gh.Run("pr", "merge", "1", "-R", Repo, "--auto", "--squash"));
        var waiting = JsonNode.Parse(Ok(_gh.Run("api", "graphql", "-f",
            "query={ repository(owner: \"acme\", name: \"gitops\") { pullRequest(number: 1) { state autoMergeRequest { mergeMethod } } } }")))!
            ["data"]!["repository"]!["pullRequest"]!;
        Ok(_gh.Run("api", "-X", "POST", "repos/acme/gitops/statuses/" + head, "-f", "state=success", "-f", "context=ci"));
        var merged = JsonNode.Parse(Ok(_gh.Run("pr", "view", "1", "-R", Repo, "--json", "state")))!;

        waiting["state"]!.GetValue<string>().Should().Be("OPEN");
        waiting["autoMergeRequest"]!["mergeMethod"]!.GetValue<string>().Should().Be("SQUASH");
        merged["state"]!.GetValue<string>().Should().Be("MERGED");
    }

    private async Task<string> BranchWithChangeAsync(string branch, string file)
    {
        var main = await _server.BranchHeadAsync("acme", "gitops", "main");
        Ok(_gh.Run("api", "-X", "POST", "repos/acme/gitops/git/refs", "-f", "ref=refs/heads/" + branch, "-f", "sha=" + main));
        var put = Ok(_gh.Run("api", "-X", "PUT", "repos/acme/gitops/contents/" + file, "-f", "message=Add " + file,
            "-f", "content=eAo=", "-f", "branch=" + branch));
        return JsonNode.Parse(put)!["commit"]!["sha"]!.GetValue<string>();
    }

    private static string Ok((int ExitCode, string Output, string Error) run)
    {
        run.ExitCode.Should().Be(0, run.Error);
        return run.Output;
    }
}
