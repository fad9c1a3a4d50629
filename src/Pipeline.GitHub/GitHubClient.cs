using Pipeline.GitHub.Apps;
using Pipeline.GitHub.Contents;
using Pipeline.GitHub.Dispatches;
using Pipeline.GitHub.Git;
using Pipeline.GitHub.GraphQL;
using Pipeline.GitHub.Http;
using Pipeline.GitHub.PullRequests;
using Pipeline.GitHub.Repositories;

namespace Pipeline.GitHub;

/// <summary>
/// A GitHub REST and GraphQL client: one client per API area over one connection that sends the credential
/// explicitly, retries within bounds and maps failures through one table to typed exceptions.
/// </summary>
public sealed class GitHubClient : IGitHubClient, IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;

    /// <summary>Creates a client.</summary>
    /// <param name="options">Endpoint, credentials, retries, clock and log.</param>
    /// <param name="httpClient">
    /// An HttpClient to share (not disposed by this client); null creates one that never sends cookies, ambient
    /// or default credentials.
    /// </param>
    public GitHubClient(GitHubClientOptions options, HttpClient? httpClient = null)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        _ownsHttp = httpClient is null;
        _http = httpClient ?? CreateHttpClient();
        var connection = new GitHubConnection(_http, options);
        Repositories = new RepositoriesClient(connection);
        Git = new GitDataClient(connection);
        Contents = new ContentsClient(connection, Git);
        GraphQL = new GraphQLClient(connection);
        PullRequests = new PullRequestsClient(connection, Git);
        Dispatches = new DispatchesClient(connection);
        Apps = new AppsClient(connection);
    }

    /// <summary>The options this client was created with.</summary>
    public GitHubClientOptions Options { get; }

    /// <inheritdoc />
    public IRepositoriesClient Repositories { get; }

    /// <inheritdoc />
    public IContentsClient Contents { get; }

    /// <inheritdoc />
    public IGitDataClient Git { get; }

    /// <inheritdoc />
    public IGraphQLClient GraphQL { get; }

    /// <inheritdoc />
    public IPullRequestsClient PullRequests { get; }

    /// <inheritdoc />
    public IDispatchesClient Dispatches { get; }

    /// <inheritdoc />
    public IAppsClient Apps { get; }

    /// <summary>A client with the same settings and HttpClient but other credentials; usable while this client is not disposed.</summary>
    public GitHubClient WithCredentials(IGitHubCredentials credentials) =>
        new(Options with { Credentials = credentials }, _http);

    /// <summary>Disposes the HttpClient if this client created it.</summary>
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    /// <summary>
    /// An HttpClient that sends only what a request sets: no cookies, no ambient or proxy credentials, so
    /// <c>~/.netrc</c> and git credential helpers can never be consulted.
    /// </summary>
    public static HttpClient CreateHttpClient() => new(new SocketsHttpHandler
    {
        UseCookies = false,
        Credentials = null,
        DefaultProxyCredentials = null,
        PreAuthenticate = false,

        // Redirects are followed by the connection, which keeps the credentials on the same host only.
        AllowAutoRedirect = false,
        AutomaticDecompression = System.Net.DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    });
}
