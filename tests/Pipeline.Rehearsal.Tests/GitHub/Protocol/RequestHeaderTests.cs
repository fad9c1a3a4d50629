using Pipeline.Rehearsal.Tests.GitHub.Support;

namespace Pipeline.Rehearsal.Tests.GitHub.Protocol;

/// <summary>What GitHub demands of every REST request: a User-Agent, and an API version it supports.</summary>
public sealed class RequestHeaderTests
{
    private const string R = GitHubFixture.Prefix;

    [Fact]
    public async Task A_request_without_User_Agent_is_refused_with_403()
    {
        await using var f = await GitHubFixture.StartAsync();

        var response = await f.Api.GetAsync(R, new Dictionary<string, string?> { ["User-Agent"] = null });

        response.Status.Should().Be(403);
        response.Text.Should().Contain("Please make sure your request has a User-Agent header");
    }

    [Fact]
    public async Task An_unknown_API_version_is_a_400_that_names_the_supported_versions()
    {
        await using var f = await GitHubFixture.StartAsync();

        var unknown = await f.Api.GetAsync(R, new Dictionary<string, string?> { ["X-GitHub-Api-Version"] = "2021-01-01" });
        var known = await f.Api.GetAsync(R, new Dictionary<string, string?> { ["X-GitHub-Api-Version"] = "2022-11-28" });

        unknown.Status.Should().Be(400);
        unknown.Message.Should().Contain("2021-01-01").And.Contain("2022-11-28");
        known.Status.Should().Be(200);
        known.Headers["x-github-api-version-selected"].Should().Be("2022-11-28");
    }

    [Fact]
    public async Task The_root_lists_the_API_URL_templates()
    {
        await using var f = await GitHubFixture.StartAsync();

        var root = await f.Api.GetAsync("");
        var enterprise = await new ApiClient(f.Server.EnterpriseApiUrl, f.Token).GetAsync("");

        root.Status.Should().Be(200);
        root["repository_url"].Should().Be(f.Server.ApiUrl + "repos/{owner}/{repo}");
        root["current_user_url"].Should().Be(f.Server.ApiUrl + "user");
        enterprise["repository_url"].Should().Be(f.Server.EnterpriseApiUrl + "repos/{owner}/{repo}");
    }
}
