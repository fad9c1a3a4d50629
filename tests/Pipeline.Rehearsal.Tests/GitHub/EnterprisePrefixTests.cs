using Pipeline.Rehearsal.Tests.GitHub.Support;

namespace Pipeline.Rehearsal.Tests.GitHub;

public sealed class EnterprisePrefixTests
{
    [Fact]
    public async Task Rest_under_api_v3_answers_with_links_under_the_same_prefix()
    {
        await using var f = await GitHubFixture.StartAsync();
        using var enterprise = new ApiClient(f.Server.EnterpriseApiUrl, f.Token);

        var repository = await enterprise.GetAsync("repos/acme/gitops");

        repository.Status.Should().Be(200);
        repository["url"].Should().Be(new Uri(f.Server.EnterpriseApiUrl, "repos/acme/gitops").ToString());
        f.Server.RequestLog.Should().Contain(r => r.Path == "/api/v3/repos/acme/gitops");
    }

    [Fact]
    public async Task GraphQL_answers_at_api_graphql()
    {
        await using var f = await GitHubFixture.StartAsync();
        using var enterprise = new ApiClient(f.Server.ApiUrl, f.Token);

        var response = await enterprise.PostAsync("api/graphql",
            new System.Text.Json.Nodes.JsonObject { ["query"] = GraphQueries.ViewerAndDefaultBranch }.ToJsonString());

        response.Body["data"]!["repository"]!["defaultBranchRef"]!["name"]!.GetValue<string>().Should().Be("main");
    }

    [Fact]
    public async Task Unknown_routes_are_404_in_GitHubs_error_shape()
    {
        await using var f = await GitHubFixture.StartAsync();

        var response = await f.Api.GetAsync("repos/acme/gitops/no-such-thing");

        response.Status.Should().Be(404);
        response.Message.Should().Be("Not Found");
        response["documentation_url"].Should().StartWith("https://docs.github.com/");
    }
}
