using Pipeline.Rehearsal.GitHub;

namespace Pipeline.GitHub.Tests.Support;

/// <summary>
/// One local GitHub server per test class. Each test makes its own repository, so tests never see each other's
/// writes; a classic token of the user <see cref="User"/> reaches every repository.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public const string Owner = "octo-org";
    public const string User = "octocat";

    private int _repositories;

    public LocalGitHubServer Server { get; private set; } = null!;

    public Secret UserToken { get; private set; } = null!;

    public GitHubEndpoint Endpoint => GitHubEndpoint.FromApiUrl(Server.ApiUrl);

    public async Task InitializeAsync()
    {
        Server = await LocalGitHubServer.StartAsync();
        UserToken = new Secret(Server.IssuePersonalToken(User));
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>A new repository whose first commit on <c>main</c> holds <paramref name="files"/>.</summary>
    public async Task<RepositoryId> NewRepositoryAsync(IReadOnlyDictionary<string, string>? files = null, string? name = null)
    {
        var repository = new RepositoryId(Owner, name ?? $"gitops-{Interlocked.Increment(ref _repositories)}");
        var seed = Directory.CreateTempSubdirectory("github-seed-");
        try
        {
            foreach (var (path, text) in files ?? new Dictionary<string, string> { ["README.md"] = "# gitops\n" })
            {
                var target = Path.Combine(seed.FullName, path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                await File.WriteAllTextAsync(target, text);
            }

            await Server.CreateRepositoryAsync(repository.Owner, repository.Name, "main", seed.FullName);
            return repository;
        }
        finally
        {
            seed.Delete(recursive: true);
        }
    }

    /// <summary>A client authenticated with the user's classic token.</summary>
    public GitHubClient Client(ListLogger? logger = null, TimeProvider? time = null, RetryOptions? retry = null, IGitHubCredentials? credentials = null, TimeSpan? attemptTimeout = null) =>
        new(new GitHubClientOptions(Endpoint, credentials ?? GitHubToken.PersonalAccessToken(UserToken))
        {
            Logger = (Microsoft.Extensions.Logging.ILogger?)logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance,
            TimeProvider = time ?? new FastForwardTimeProvider(),
            Retry = retry ?? GitHubClientOptions.DefaultRetry,
            AttemptTimeout = attemptTimeout,
        });

    /// <summary>The requests the server answered for one repository.</summary>
    public IReadOnlyList<RecordedRequest> RequestsFor(RepositoryId repository) =>
        Server.RequestLog.Where(r => r.Path.Contains($"/repos/{repository}/", StringComparison.Ordinal) || r.Path.EndsWith($"/repos/{repository}", StringComparison.Ordinal)).ToList();

    /// <summary>Runs git against the repository's bare directory, to see what the API wrote.</summary>
    public Task<string> GitAsync(RepositoryId repository, params string[] arguments) =>
        GitCommand.RunAsync(Server.BareRepositoryPath(repository.Owner, repository.Name), arguments);
}
