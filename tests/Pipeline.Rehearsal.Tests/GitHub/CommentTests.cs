using System.Security.Cryptography;
using Pipeline.Rehearsal.Tests.GitHub.Support;

namespace Pipeline.Rehearsal.Tests.GitHub;

public sealed class CommentTests
{
    private const string R = GitHubFixture.Prefix;

    [Fact]
    public async Task Comments_on_a_pull_request_are_created_and_listed_oldest_first_as_the_issue_api_does()
    {
        await using var f = await GitHubFixture.StartAsync();
        await Branches.CreateWithFileAsync(f, "feature", "README.md", "changed\n");
        var number = (await f.Api.PostAsync(R + "/pulls", new { title = "Change", head = "feature", @base = "main" })).Body["number"]!.GetValue<int>();

        var first = await f.Api.PostAsync(R + $"/issues/{number}/comments", new { body = "Superseded by #2." });
        var second = await f.Api.PostAsync(R + $"/issues/{number}/comments", new { body = "Closing." });
        var listed = await f.Api.GetAsync(R + $"/issues/{number}/comments");
        var paged = await f.Api.GetAsync(R + $"/issues/{number}/comments?per_page=1&page=2");
        var pull = await f.Api.GetAsync(R + $"/pulls/{number}");

        first.Status.Should().Be(201);
        first.Headers["Location"].Should().Be(first["url"]);
        first["body"].Should().Be("Superseded by #2.");
        first.Body["user"]!["login"]!.GetValue<string>().Should().Be("octocat");
        first["html_url"].Should().EndWith($"/acme/gitops/pull/{number}#issuecomment-{first.Body["id"]}");
        first["issue_url"].Should().EndWith($"/repos/acme/gitops/issues/{number}");
        listed.Body.AsArray().Select(c => c!["body"]!.GetValue<string>()).Should().Equal("Superseded by #2.", "Closing.");
        paged.Body.AsArray().Should().ContainSingle().Which!["id"]!.GetValue<long>().Should().Be(second.Body["id"]!.GetValue<long>());
        pull.Body["comments"]!.GetValue<int>().Should().Be(2);
    }

    [Fact]
    public async Task A_comment_without_a_body_or_on_a_missing_pull_request_is_refused()
    {
        await using var f = await GitHubFixture.StartAsync();
        await Branches.CreateWithFileAsync(f, "feature", "README.md", "changed\n");
        var number = (await f.Api.PostAsync(R + "/pulls", new { title = "Change", head = "feature", @base = "main" })).Body["number"]!.GetValue<int>();

        var empty = await f.Api.PostAsync(R + $"/issues/{number}/comments", new { body = "" });
        var tooLong = await f.Api.PostAsync(R + $"/issues/{number}/comments", new { body = new string('x', 65537) });
        var missing = await f.Api.PostAsync(R + "/issues/999/comments", new { body = "Hello" });

        empty.Status.Should().Be(422);
        empty.Body["errors"]![0]!["field"]!.GetValue<string>().Should().Be("body");
        tooLong.Status.Should().Be(422);
        tooLong.Body["errors"]![0]!["message"]!.GetValue<string>().Should().Contain("maximum is 65536");
        missing.Status.Should().Be(404);
        (await f.Api.GetAsync(R + $"/issues/{number}/comments")).Body.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task An_App_comments_as_its_bot_and_needs_write_access_to_pull_requests()
    {
        await using var f = await GitHubFixture.StartAsync();
        await Branches.CreateWithFileAsync(f, "feature", "README.md", "changed\n");
        var number = (await f.Api.PostAsync(R + "/pulls", new { title = "Change", head = "feature", @base = "main" })).Body["number"]!.GetValue<int>();
        using var key = RSA.Create(2048);
        f.Server.RegisterApp(9, "Iv23commenter", key, "promoter");
        var installation = f.Server.InstallApp(9, "acme");
        using var app = new ApiClient(f.Server.ApiUrl, TestJwt.Valid(key, 9, f.Server.Clock.GetUtcNow()), "Bearer");
        using var writer = new ApiClient(f.Server.ApiUrl, (await app.PostAsync($"app/installations/{installation}/access_tokens", new { }))["token"]);
        using var reader = new ApiClient(f.Server.ApiUrl,
            (await app.PostAsync($"app/installations/{installation}/access_tokens", new { permissions = new { pull_requests = "read" } }))["token"]);

        var written = await writer.PostAsync(R + $"/issues/{number}/comments", new { body = "Superseded by #2." });
        var refused = await reader.PostAsync(R + $"/issues/{number}/comments", new { body = "Again" });

        written.Status.Should().Be(201);
        written.Body["user"]!["login"]!.GetValue<string>().Should().Be("promoter[bot]");
        written.Body["user"]!["type"]!.GetValue<string>().Should().Be("Bot");
        written["author_association"].Should().Be("NONE");
        refused.Status.Should().Be(403);
        (await reader.GetAsync(R + $"/issues/{number}/comments")).Body.AsArray().Should().ContainSingle();
    }
}
