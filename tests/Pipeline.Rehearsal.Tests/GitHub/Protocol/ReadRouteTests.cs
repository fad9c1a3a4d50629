using Pipeline.Rehearsal.Tests.GitHub.Support;

namespace Pipeline.Rehearsal.Tests.GitHub.Protocol;

/// <summary>Read routes other clients (Octokit, gh) use that GitHub answers.</summary>
public sealed class ReadRouteTests
{
    private const string R = GitHubFixture.Prefix;

    [Fact]
    public async Task Git_refs_list_all_one_or_a_prefix_as_Octokit_asks()
    {
        await using var f = await GitHubFixture.StartAsync();
        await Branches.CreateWithFileAsync(f, "feature/a", "a.txt", "a\n");

        var all = await f.Api.GetAsync(R + "/git/refs");
        var heads = await f.Api.GetAsync(R + "/git/refs/heads");
        var one = await f.Api.GetAsync(R + "/git/refs/heads/main");
        var none = await f.Api.GetAsync(R + "/git/refs/heads/nope");

        all.Body.AsArray().Select(r => r!["ref"]!.GetValue<string>()).Should().Equal("refs/heads/feature/a", "refs/heads/main");
        heads.Body.AsArray().Should().HaveCount(2);
        one["ref"].Should().Be("refs/heads/main");
        one.Body["object"]!["sha"]!.GetValue<string>().Should().Be(await f.HeadAsync());
        none.Status.Should().Be(404);
    }

    [Fact]
    public async Task A_repository_by_its_id()
    {
        await using var f = await GitHubFixture.StartAsync();
        var id = (await f.Api.GetAsync(R)).Body["id"]!.GetValue<long>();

        var byId = await f.Api.GetAsync($"repositories/{id}");

        byId.Status.Should().Be(200);
        byId["full_name"].Should().Be("acme/gitops");
        (await f.Api.GetAsync("repositories/1")).Status.Should().Be(404);
    }

    [Fact]
    public async Task The_files_of_a_pull_request()
    {
        await using var f = await GitHubFixture.StartAsync();
        await Branches.CreateWithFileAsync(f, "promote", "env/dev/values.yaml", "image:\n  tag: v2 # pinned\n");
        var pull = await f.Api.PostAsync(R + "/pulls", new { title = "Promote", head = "promote", @base = "main" });

        var files = await f.Api.GetAsync(R + $"/pulls/{pull.Body["number"]}/files");

        files.Status.Should().Be(200);
        var file = files.Body.AsArray().Should().ContainSingle().Subject!;
        file["filename"]!.GetValue<string>().Should().Be("env/dev/values.yaml");
        file["status"]!.GetValue<string>().Should().Be("modified");
        file["patch"]!.GetValue<string>().Should().Contain("+  tag: v2 # pinned");
    }

    [Fact]
    public async Task The_combined_status_and_the_statuses_of_a_ref()
    {
        await using var f = await GitHubFixture.StartAsync();
        var sha = await f.HeadAsync();
        var created = await f.Api.PostAsync(R + "/statuses/" + sha, new { state = "pending", context = "ci" });
        await f.Api.PostAsync(R + "/statuses/" + sha, new { state = "success", context = "ci" });
        await f.Api.PostAsync(R + "/statuses/" + sha, new { state = "success", context = "lint" });

        var combined = await f.Api.GetAsync(R + "/commits/main/status");
        var statuses = await f.Api.GetAsync(R + $"/commits/{sha}/statuses");

        created.Headers["Location"].Should().Be(f.Server.ApiUrl + R + "/statuses/" + sha);
        combined.Status.Should().Be(200);
        combined["state"].Should().Be("success");
        combined["sha"].Should().Be(sha);
        combined.Body["total_count"]!.GetValue<int>().Should().Be(2);
        statuses.Body.AsArray().Select(s => s!["state"]!.GetValue<string>()).Should().Equal("success", "success", "pending");
    }

    [Fact]
    public async Task A_file_download_url_answers_the_bytes()
    {
        await using var f = await GitHubFixture.StartAsync();
        var file = await f.Api.GetAsync(R + "/contents/env/dev/values.yaml");
        using var anonymous = new HttpClient();

        var download = await anonymous.GetAsync(file["download_url"]);

        download.IsSuccessStatusCode.Should().BeTrue(file["download_url"]);
        (await download.Content.ReadAsStringAsync()).Should().Be("image:\n  tag: v1 # pinned\n");
        (await anonymous.GetAsync(f.Server.BaseUrl + "raw/acme/gitops/main/README.md")).StatusCode
            .Should().Be(System.Net.HttpStatusCode.NotFound, "a private repository's raw file needs the token in download_url");
    }

    [Fact]
    public async Task A_single_commit_has_stats()
    {
        await using var f = await GitHubFixture.StartAsync();
        var sha = await Branches.CommitFileAsync(f, "main", "README.md", "# gitops\nmore\n");

        var commit = await f.Api.GetAsync(R + "/commits/" + sha);

        commit.Body["stats"]!["additions"]!.GetValue<int>().Should().Be(1);
        commit.Body["stats"]!["deletions"]!.GetValue<int>().Should().Be(0);
        commit.Body["stats"]!["total"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task Branch_protection_reads_as_GitHub_shows_it()
    {
        await using var f = await GitHubFixture.StartAsync();
        f.Server.ProtectBranch("acme", "gitops", "main", new Pipeline.Rehearsal.GitHub.BranchProtection { RequiredChecks = ["ci"] });

        var protection = await f.Api.GetAsync(R + "/branches/main/protection");
        var unprotected = await f.Api.GetAsync(R + "/branches/feature/protection");

        protection.Status.Should().Be(200);
        protection.Body["required_status_checks"]!["contexts"]!.AsArray().Select(c => c!.GetValue<string>()).Should().Equal("ci");
        protection.Body["required_pull_request_reviews"].Should().NotBeNull();
        protection.Body["allow_force_pushes"]!["enabled"]!.GetValue<bool>().Should().BeFalse();
        unprotected.Status.Should().Be(404);
        unprotected.Message.Should().Be("Branch not protected");
    }

    [Fact]
    public async Task Check_runs_an_App_creates_are_listed_for_the_ref_and_count_as_checks()
    {
        await using var f = await GitHubFixture.StartAsync();
        var sha = await f.HeadAsync();
        using var app = await AppTokens.InstallationApiAsync(f, new Dictionary<string, string> { ["checks"] = "write", ["contents"] = "read" });

        var created = await app.PostAsync(R + "/check-runs", new { name = "build", head_sha = sha, status = "completed", conclusion = "success" });
        var byUser = await f.Api.PostAsync(R + "/check-runs", new { name = "build", head_sha = sha });
        var runs = await f.Api.GetAsync(R + "/commits/main/check-runs");

        created.Status.Should().Be(201);
        created.Headers["Location"].Should().Be(created["url"]);
        byUser.Status.Should().Be(403, "only GitHub Apps create check runs");
        runs.Body["total_count"]!.GetValue<int>().Should().Be(1);
        var run = runs.Body["check_runs"]![0]!;
        run["name"]!.GetValue<string>().Should().Be("build");
        run["status"]!.GetValue<string>().Should().Be("completed");
        run["conclusion"]!.GetValue<string>().Should().Be("success");
        run["head_sha"]!.GetValue<string>().Should().Be(sha);
        run["app"]!["slug"]!.GetValue<string>().Should().StartWith(AppTokens.Slug);
    }
}
