using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Pipeline.Rehearsal.GitHub;
using Pipeline.Rehearsal.Tests.GitHub.Support;

namespace Pipeline.Rehearsal.Tests.GitHub;

public sealed class SeededRepositoryTests
{
    [Fact]
    public async Task Seeded_repository_is_served_over_rest_and_cloned_over_smart_http()
    {
        using var seed = new TempDirectory();
        seed.File("README.md", "hello\n");
        seed.File("env/dev/values.yaml", "image:\n  tag: v1\n");
        await using var server = await LocalGitHubServer.StartAsync();
        await server.CreateRepositoryAsync("acme", "gitops", seedDirectory: seed.Path);
        var token = server.IssuePersonalToken("octocat");

        using var http = new HttpClient { BaseAddress = server.ApiUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("token", token);
        http.DefaultRequestHeaders.UserAgent.ParseAdd("rehearsal-tests");
        using var response = await http.GetAsync("repos/acme/gitops");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("default_branch").GetString().Should().Be("main");
        body.RootElement.GetProperty("full_name").GetString().Should().Be("acme/gitops");

        using var clone = new TempDirectory();
        await GitProcess.RunAsync(clone.Path, [.. GitProcess.AuthArguments(token), "clone", server.GitUrl("acme", "gitops").ToString(), "work"]);
        File.ReadAllText(Path.Combine(clone.Path, "work", "env/dev/values.yaml")).Should().Be("image:\n  tag: v1\n");
    }
}
