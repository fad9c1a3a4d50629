using Pipeline.Rehearsal.GitHub;

namespace Pipeline.Rehearsal.Tests.GitHub.Support;

/// <summary>A started server with one seeded repository <c>acme/gitops</c> and a classic token for it.</summary>
public sealed class GitHubFixture : IAsyncDisposable
{
    private readonly TempDirectory _seed = new();

    private GitHubFixture(LocalGitHubServer server, string token)
    {
        Server = server;
        Token = token;
        Api = new ApiClient(server.ApiUrl, token);
    }

    public const string Owner = "acme";
    public const string Repo = "gitops";
    public const string Prefix = "repos/acme/gitops";

    public LocalGitHubServer Server { get; }

    public string Token { get; }

    public ApiClient Api { get; }

    public static async Task<GitHubFixture> StartAsync(LocalGitHubServerOptions? options = null)
    {
        var server = await LocalGitHubServer.StartAsync(options);
        var fixture = new GitHubFixture(server, server.IssuePersonalToken("octocat"));
        fixture._seed.File("README.md", "# gitops\n");
        fixture._seed.File("env/dev/values.yaml", "image:\n  tag: v1 # pinned\n");
        fixture._seed.File("env/prod/values.yaml", "image:\n  tag: v0\n");
        await server.CreateRepositoryAsync(Owner, Repo, seedDirectory: fixture._seed.Path);
        return fixture;
    }

    public async Task<string> HeadAsync(string branch = "main")
    {
        var response = await Api.GetAsync($"{Prefix}/git/ref/heads/{branch}");
        return response.Body["object"]!["sha"]!.GetValue<string>();
    }

    /// <summary>Runs git against the bare repository on disk (what <c>git log</c> sees).</summary>
    public Task<string> BareGitAsync(params string[] arguments) =>
        GitProcess.RunAsync(Server.BareRepositoryPath(Owner, Repo), arguments);

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await Server.DisposeAsync();
        _seed.Dispose();
    }
}
