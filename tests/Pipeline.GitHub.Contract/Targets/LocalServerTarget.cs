using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Octokit;
using Pipeline.Rehearsal.GitHub;

namespace GitHubContract.Targets;

/// <summary>
/// The local GitHub server over real HTTP, reached the way Octokit reaches GitHub Enterprise (<c>/api/v3/</c>), with a
/// repository, a protected branch and an installed GitHub App set up under the scene's names.
/// </summary>
public sealed class LocalServerTarget : ContractTarget
{
    private readonly RSA _appKey = RSA.Create(2048);
    private string? _seed;
    private LocalGitHubServer? _server;
    private long _appId;

    public override Scene Scene { get; } = Scene.Documented("main") with { Owner = "acme", Repo = "gitops" };

    public LocalGitHubServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public override IGitHubClient User => Client(new Credentials(Server.IssuePersonalToken("octocat")));

    public override IGitHubClient App
    {
        get
        {
            var now = DateTimeOffset.UtcNow;
            return Client(new Credentials(Jwt(_appKey, _appId, now.AddSeconds(-60), now.AddMinutes(9)), AuthenticationType.Bearer));
        }
    }

    public override IGitHubClient WithToken(string token) => Client(new Credentials(token));

    public override async Task InitializeAsync()
    {
        _server = await LocalGitHubServer.StartAsync();
        _seed = Directory.CreateTempSubdirectory("octokit-contract-").FullName;
        await File.WriteAllTextAsync(Path.Combine(_seed, Scene.File), Scene.FileText);
        await Server.CreateRepositoryAsync(Scene.Owner, Scene.Repo, Scene.DefaultBranch, _seed);
        Server.ProtectBranch(Scene.Owner, Scene.Repo, Scene.ProtectedBranch, new BranchProtection { RequiredChecks = [Scene.RequiredCheck] });
        var app = Server.RegisterApp(Random.Shared.Next(1000, 1_000_000), "Iv23contract", _appKey, "contract-bot");
        _appId = app.Id;
        Server.InstallApp(app.Id, Scene.Owner, permissions: new Dictionary<string, string>
        {
            ["contents"] = "write", ["checks"] = "write", ["statuses"] = "write", ["pull_requests"] = "write", ["metadata"] = "read",
        });
    }

    public override async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_seed is not null)
        {
            Directory.Delete(_seed, recursive: true);
        }

        _appKey.Dispose();
    }

    private GitHubClient Client(Credentials credentials) => new(Product, Server.EnterpriseApiUrl) { Credentials = credentials };

    /// <summary>A GitHub App JWT (RS256), as Octokit's users make them with a JWT library.</summary>
    private static string Jwt(RSA key, long appId, DateTimeOffset issuedAt, DateTimeOffset expiresAt)
    {
        static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var header = Encode(JsonSerializer.SerializeToUtf8Bytes(new { alg = "RS256", typ = "JWT" }));
        var payload = Encode(JsonSerializer.SerializeToUtf8Bytes(new { iat = issuedAt.ToUnixTimeSeconds(), exp = expiresAt.ToUnixTimeSeconds(), iss = appId }));
        var signature = key.SignData(Encoding.ASCII.GetBytes(header + "." + payload), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return header + "." + payload + "." + Encode(signature);
    }
}
