using Pipeline.GitHub.Tests.Support;

namespace Pipeline.GitHub.Tests.Recorded;

/// <summary>
/// A renamed or transferred repository answers 301 (or 307) to its new address; the client follows with its
/// credentials on the same host, without them on another host, and says where the resource moved.
/// </summary>
public sealed class RedirectTests
{
    private static readonly System.Text.Json.Nodes.JsonNode Recorded = RecordedGitHubServer.Recording("redirects-and-folders.json");

    [Fact]
    public async Task A_renamed_private_repository_is_followed_with_the_credentials_and_reported_as_moved()
    {
        await using var github = await RecordedGitHubServer.StartAsync();
        var moved = new Uri(github.Url, "repositories/1296269");
        github.Answer("/repos/octocat/old-name", 301, Recorded["moved"]!.DeepClone(), moved);
        github.Answer("/repositories/1296269", 200, Recorded["repository"]!.DeepClone(), requiresAuthorization: true);
        var log = new ListLogger();
        using var client = Client(github.Url, log);

        var repository = await client.Repositories.GetAsync(new RepositoryId("octocat", "old-name"));

        repository.FullName.Should().Be("octocat/Hello-World");
        github.Requests.Should().Contain(r => r.Path == "/repositories/1296269" && r.Authorized);
        log.Lines.Should().Contain(l => l.Contains("moved to " + moved, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_redirect_to_another_host_is_followed_without_the_credentials()
    {
        await using var github = await RecordedGitHubServer.StartAsync();
        var elsewhere = new Uri(github.OtherHostUrl, "repositories/1296269");
        github.Answer("/repos/octocat/old-name", 307, Recorded["moved"]!.DeepClone(), elsewhere);
        github.Answer("/repositories/1296269", 200, Recorded["repository"]!.DeepClone());
        using var client = Client(github.Url, new ListLogger());

        await client.Repositories.GetAsync(new RepositoryId("octocat", "old-name"));

        github.Requests.Should().Contain(r => r.Host == "127.0.0.1" && r.Path == "/repos/octocat/old-name" && r.Authorized);
        github.Requests.Should().Contain(r => r.Host == "localhost" && r.Path == "/repositories/1296269")
            .Which.Authorized.Should().BeFalse("credentials never go to another host");
    }

    [Fact]
    public async Task A_failure_after_a_redirect_names_where_the_resource_moved()
    {
        await using var github = await RecordedGitHubServer.StartAsync();
        var moved = new Uri(github.Url, "repositories/1296269");
        github.Answer("/repos/octocat/old-name", 301, Recorded["moved"]!.DeepClone(), moved);
        using var client = Client(github.Url, new ListLogger());

        var act = () => client.Repositories.GetAsync(new RepositoryId("octocat", "old-name"));

        (await act.Should().ThrowAsync<GitHubNotFoundException>()).Which.Message.Should().Contain("moved to " + moved);
    }

    private static GitHubClient Client(Uri api, ListLogger log) =>
        new(new GitHubClientOptions(GitHubEndpoint.FromApiUrl(api), GitHubToken.PersonalAccessToken(new Secret("ghp_recorded")))
        {
            Logger = log,
            TimeProvider = new FastForwardTimeProvider(),
        });
}
