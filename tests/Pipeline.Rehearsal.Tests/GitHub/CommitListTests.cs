using System.Security.Cryptography;
using Pipeline.Rehearsal.GitHub;
using Pipeline.Rehearsal.Tests.GitHub.Support;

namespace Pipeline.Rehearsal.Tests.GitHub;

public sealed class CommitListTests
{
    private const string R = GitHubFixture.Prefix;

    [Fact]
    public async Task Commits_that_changed_a_path_on_a_branch_are_listed_newest_first_in_pages()
    {
        await using var f = await GitHubFixture.StartAsync();
        var seed = await f.HeadAsync();
        var first = await Branches.CommitFileAsync(f, "main", "env/dev/values.yaml", "image:\n  tag: v2\n");
        await Branches.CommitFileAsync(f, "main", "README.md", "# moved\n");
        var second = await Branches.CommitFileAsync(f, "main", "env/dev/values.yaml", "image:\n  tag: v3\n");

        var all = await f.Api.GetAsync(R + "/commits?sha=main&path=env/dev/values.yaml");
        var page1 = await f.Api.GetAsync(R + "/commits?sha=main&path=env/dev/values.yaml&per_page=2");
        var page2 = await f.Api.GetAsync(R + "/commits?sha=main&path=env/dev/values.yaml&per_page=2&page=2");
        var fromOlder = await f.Api.GetAsync(R + $"/commits?sha={first}&path=env/dev/values.yaml");

        Shas(all).Should().Equal(second, first, seed);
        Shas(page1).Should().Equal(second, first);
        page1.Headers["Link"].Should().EndWith("per_page=2&page=2>; rel=\"next\"");
        Shas(page2).Should().Equal(seed);
        page2.Headers["Link"].Should().NotContain("rel=\"next\"");
        Shas(fromOlder).Should().Equal(first, seed);
        all.Body[0]!["commit"]!["message"]!.GetValue<string>().Should().Be("Write env/dev/values.yaml");
        all.Body[0]!["parents"]![0]!["sha"]!.GetValue<string>().Should().NotBe(first, "the README commit sits between them");
    }

    [Fact]
    public async Task A_folder_lists_the_commits_of_the_files_under_it_and_no_path_lists_every_commit()
    {
        await using var f = await GitHubFixture.StartAsync();
        var seed = await f.HeadAsync();
        var dev = await Branches.CommitFileAsync(f, "main", "env/dev/values.yaml", "image:\n  tag: v2\n");
        var readme = await Branches.CommitFileAsync(f, "main", "README.md", "# moved\n");
        var prod = await Branches.CommitFileAsync(f, "main", "env/prod/values.yaml", "image:\n  tag: v1\n");

        Shas(await f.Api.GetAsync(R + "/commits?sha=main&path=env")).Should().Equal(prod, dev, seed);
        Shas(await f.Api.GetAsync(R + "/commits?sha=main&path=/env/")).Should().Equal(prod, dev, seed);
        Shas(await f.Api.GetAsync(R + "/commits")).Should().Equal(prod, readme, dev, seed);
    }

    [Fact]
    public async Task A_path_is_taken_literally_never_as_a_pattern()
    {
        await using var f = await GitHubFixture.StartAsync();

        (await f.Api.GetAsync(R + "/commits?path=" + Uri.EscapeDataString("env/*"))).Body.AsArray().Should().BeEmpty();
        (await f.Api.GetAsync(R + "/commits?path=" + Uri.EscapeDataString(":(glob)**/values.yaml"))).Body.AsArray().Should().BeEmpty();
        (await f.Api.GetAsync(R + "/commits?path=env/dev/values.yaml")).Body.AsArray().Should().ContainSingle();
    }

    [Fact]
    public async Task Since_and_until_keep_commits_committed_within_the_window()
    {
        var clock = new ManualClock(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await using var f = await GitHubFixture.StartAsync(new LocalGitHubServerOptions { TimeProvider = clock });
        clock.Advance(TimeSpan.FromDays(1));
        var march2 = await Branches.CommitFileAsync(f, "main", "README.md", "2\n");
        clock.Advance(TimeSpan.FromDays(1));
        var march3 = await Branches.CommitFileAsync(f, "main", "README.md", "3\n");

        Shas(await f.Api.GetAsync(R + "/commits?path=README.md&since=2025-03-02T00:00:00Z")).Should().Equal(march3, march2);
        Shas(await f.Api.GetAsync(R + "/commits?path=README.md&since=2025-03-02T00:00:00Z&until=2025-03-02T23:59:59Z")).Should().Equal(march2);
        (await f.Api.GetAsync(R + "/commits?since=yesterday")).Status.Should().Be(400);
    }

    [Fact]
    public async Task An_unknown_start_is_404_an_unsupported_filter_400_and_other_repositories_are_not_listed()
    {
        await using var f = await GitHubFixture.StartAsync();
        using var key = RSA.Create(2048);
        f.Server.RegisterApp(7, "Iv23list", key, "lister");
        await f.Server.CreateRepositoryAsync("acme", "other");
        var installation = f.Server.InstallApp(7, "acme", ["other"]);
        using var app = new ApiClient(f.Server.ApiUrl, TestJwt.Valid(key, 7, f.Server.Clock.GetUtcNow()), "Bearer");
        var token = (await app.PostAsync($"app/installations/{installation}/access_tokens", new { }))["token"];
        using var scoped = new ApiClient(f.Server.ApiUrl, token);

        var unknown = await f.Api.GetAsync(R + "/commits?sha=no-such-branch");
        var byAuthor = await f.Api.GetAsync(R + "/commits?author=octocat");
        var outside = await scoped.GetAsync(R + "/commits");

        unknown.Status.Should().Be(404);
        unknown.Message.Should().Be("No commit found for SHA: no-such-branch");
        byAuthor.Status.Should().Be(400);
        outside.Status.Should().Be(403);
        (await scoped.GetAsync("repos/acme/other/commits")).Status.Should().Be(409, "a repository without commits is empty");
    }

    private static List<string> Shas(ApiResponse response) =>
        response.Body.AsArray().Select(c => c!["sha"]!.GetValue<string>()).ToList();
}
