using Pipeline.Rehearsal.Tests.GitHub.Support;

namespace Pipeline.Rehearsal.Tests.GitHub.Protocol;

/// <summary>Conditional requests as GitHub answers them: an ETag per resource, 304 when unchanged, not counted.</summary>
public sealed class ConditionalRequestTests
{
    private const string R = GitHubFixture.Prefix;

    [Fact]
    public async Task An_unchanged_resource_answers_304_with_rate_limit_headers_and_is_not_counted()
    {
        await using var f = await GitHubFixture.StartAsync();
        var first = await f.Api.GetAsync(R + "/contents/README.md");
        var etag = first.Headers["ETag"];

        var again = await f.Api.GetAsync(R + "/contents/README.md", new Dictionary<string, string?> { ["If-None-Match"] = etag });
        var after = await f.Api.GetAsync(R + "/contents/README.md");

        etag.Should().MatchRegex("^W/\"[0-9a-f]{64}\"$");
        again.Status.Should().Be(304);
        again.Text.Should().BeEmpty();
        again.Headers["ETag"].Should().Be(etag);
        again.Headers.Should().ContainKeys("x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset");
        int.Parse(after.Headers["x-ratelimit-used"]).Should().Be(int.Parse(first.Headers["x-ratelimit-used"]) + 1,
            "a 304 does not count against the rate limit");
    }

    [Fact]
    public async Task A_changed_resource_has_a_new_ETag_and_answers_200()
    {
        await using var f = await GitHubFixture.StartAsync();
        var before = await f.Api.GetAsync(R + "/contents/README.md");
        await Branches.CommitFileAsync(f, "main", "README.md", "changed\n");

        var after = await f.Api.GetAsync(R + "/contents/README.md", new Dictionary<string, string?> { ["If-None-Match"] = before.Headers["ETag"] });

        after.Status.Should().Be(200);
        after.Headers["ETag"].Should().NotBe(before.Headers["ETag"]);
    }

    [Fact]
    public async Task A_commit_has_Last_Modified_and_If_Modified_Since_answers_304()
    {
        await using var f = await GitHubFixture.StartAsync();
        var commit = await f.Api.GetAsync(R + "/commits/main");
        var lastModified = commit.Headers["Last-Modified"];

        var again = await f.Api.GetAsync(R + "/commits/main", new Dictionary<string, string?> { ["If-Modified-Since"] = lastModified });

        DateTimeOffset.Parse(lastModified).Should().Be(DateTimeOffset.Parse(commit.Body["commit"]!["committer"]!["date"]!.GetValue<string>()));
        again.Status.Should().Be(304);
    }
}
