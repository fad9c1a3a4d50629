using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Rehearsal.GitHub.Faults;

namespace Pipeline.Rehearsal.GitHub;

/// <summary>
/// A local stand-in for GitHub: the REST and GraphQL endpoints a promotion uses, served over real bare git
/// repositories on loopback, with git smart HTTP, GitHub App and token authentication, branch protection,
/// pull requests with auto-merge, recorded <c>repository_dispatch</c> events, fault injection and a request log.
/// </summary>
public sealed partial class LocalGitHubServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly GitHubState _state;
    private readonly bool _deleteData;

    private readonly System.Security.Cryptography.X509Certificates.X509Certificate2? _certificate;

    private LocalGitHubServer(WebApplication app, GitHubState state, FaultInjector faults, Uri baseUrl, bool deleteData,
        System.Security.Cryptography.X509Certificates.X509Certificate2? certificate)
    {
        _certificate = certificate;
        CertificatePem = certificate?.ExportCertificatePem();
        _app = app;
        Faults = faults;
        _state = state;
        _deleteData = deleteData;
        BaseUrl = baseUrl;
    }

    /// <summary>The server root, <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The REST base URL (like <c>https://api.github.com/</c>); REST is also served under <c>/api/v3/</c>.</summary>
    public Uri ApiUrl => BaseUrl;

    /// <summary>The REST base URL in GitHub Enterprise form, <c>http://127.0.0.1:PORT/api/v3/</c>.</summary>
    public Uri EnterpriseApiUrl => new(BaseUrl, "api/v3/");

    /// <summary>The GraphQL endpoint (<c>/graphql</c>; also answered at <c>/api/graphql</c>).</summary>
    public Uri GraphQLUrl => new(BaseUrl, "graphql");

    /// <summary>
    /// The OpenPGP public key (armored) of this server's "GitHub (web-flow commit signing)" key, which signs the
    /// commits GitHub makes itself; import it with <c>gpg --import</c> and <c>git verify-commit</c> accepts them.
    /// </summary>
    public string WebFlowPublicKey => _state.Signer.PublicKey;

    /// <summary>The server's certificate (PEM) when it serves HTTPS, for a client to trust; null over HTTP.</summary>
    public string? CertificatePem { get; }

    /// <summary>The folder holding the bare repositories.</summary>
    public string DataDirectory => _state.DataDirectory;

    /// <summary>Failures and delays planned for upcoming requests.</summary>
    public FaultInjector Faults { get; }

    /// <summary>Every request answered so far, oldest first; Authorization values are redacted.</summary>
    public IReadOnlyList<RecordedRequest> RequestLog => [.. _state.Requests];

    /// <summary>Every <c>repository_dispatch</c> event received, oldest first.</summary>
    public IReadOnlyList<RecordedDispatch> DispatchEvents => [.. _state.Dispatches];

    /// <summary>The clock the server uses for tokens, JWT checks and timestamps.</summary>
    public TimeProvider Clock => _state.Clock;

    /// <summary>Starts a server on 127.0.0.1 with a free port.</summary>
    public static async Task<LocalGitHubServer> StartAsync(LocalGitHubServerOptions? options = null,
        CancellationToken ct = default)
    {
        options ??= new LocalGitHubServerOptions();
        var temporary = options.DataDirectory is null;
        var dataDirectory = Path.GetFullPath(options.DataDirectory
            ?? Path.Combine(Path.GetTempPath(), "rehearsal-github-" + Guid.NewGuid().ToString("N")));
        Directory.CreateDirectory(dataDirectory);
        var state = new GitHubState(dataDirectory, options);
        state.AutoMerge = (repository, token) => Rest.Pulls.AutoMerger.RunAsync(state, repository, token);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(LocalGitHubServer).Assembly.GetName().Name,
            ContentRootPath = dataDirectory,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        var certificate = options.Https ? LoopbackCertificate.Create() : null;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }
            });
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.AddServerHeader = false;
        });
        builder.Services.AddSingleton(state);

        // A request held by a delay fault must not hold up disposal for the default 30 seconds.
        builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        var faults = new FaultInjector();
        Hosting.Routes.Configure(app, state, faults, new RateLimits(options.RateLimit, state.Clock));
        await app.StartAsync(ct);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        var baseUrl = new Uri(address.TrimEnd('/') + "/");
        state.BaseUrl = baseUrl;
        return new LocalGitHubServer(app, state, faults, baseUrl, temporary && !options.KeepData, certificate);
    }

    /// <summary>Every route the server maps, as (HTTP method, route template); for contract tests.</summary>
    internal IReadOnlyList<(string Method, string Template)> Routes =>
        ((Microsoft.AspNetCore.Routing.IEndpointRouteBuilder)_app).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(method => (method, "/" + endpoint.RoutePattern.RawText!.TrimStart('/'))))
            .ToList();

    /// <summary>The smart HTTP URL of a repository, for <c>git clone</c> and <c>git push</c>.</summary>
    public Uri GitUrl(string owner, string repo) => new(BaseUrl, $"{owner}/{repo}.git");

    /// <summary>The folder of a repository's bare git repository.</summary>
    public string BareRepositoryPath(string owner, string repo) => _state.RepositoryPath(owner, repo);

    /// <summary>Stops the server and deletes its data folder unless it was given or asked to be kept.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _state.Signer.Dispose();
        _certificate?.Dispose();
        if (_deleteData && Directory.Exists(DataDirectory))
        {
            DeleteTree(DataDirectory);
        }
    }

    private static void DeleteTree(string path)
    {
        // git writes read-only object files; clear the flag so that the folder can go.
        foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(path, recursive: true);
    }
}
