using System.Security.Cryptography;
using Pipeline.GitHub;
using Pipeline.Rehearsal.GitHub;

namespace Pipeline.Promotion.Tests.Support;

/// <summary>
/// One local GitHub server per test class, with a user token and a GitHub App installed on the owner's
/// repositories. Each test makes its own repository, so tests never see each other's writes.
/// </summary>
public sealed class GitOpsServer : IAsyncLifetime
{
    public const string Owner = "gitops-org";
    public const string User = "octocat";
    public const long AppId = 4242;
    public const string AppSlug = "promoter-app";

    private readonly RSA _appKey = RSA.Create(2048);
    private int _repositories;

    public LocalGitHubServer Server { get; private set; } = null!;

    public Secret UserToken { get; private set; } = null!;

    public GitHubEndpoint Endpoint => GitHubEndpoint.FromApiUrl(Server.ApiUrl);

    public IGitHubCredentials UserCredentials => GitHubToken.PersonalAccessToken(UserToken);

    public async Task InitializeAsync()
    {
        Server = await LocalGitHubServer.StartAsync();
        UserToken = new Secret(Server.IssuePersonalToken(User));
        Server.RegisterApp(AppId, "Iv23promoter", _appKey, AppSlug);
        Server.InstallApp(AppId, Owner);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _appKey.Dispose();
    }

    /// <summary>The App's credentials (a JWT source); the promoter exchanges them for installation tokens.</summary>
    public GitHubApp AppCredentials() => GitHubApp.FromPem(AppId.ToString(System.Globalization.CultureInfo.InvariantCulture), new Secret(_appKey.ExportRSAPrivateKeyPem()));

    /// <summary>A new repository seeded from a fixture folder and/or files.</summary>
    public async Task<RepositoryId> RepositoryAsync(string? fixture = null, IReadOnlyDictionary<string, string>? files = null, string? name = null, string owner = Owner)
    {
        var repository = new RepositoryId(owner, name ?? $"gitops-{Interlocked.Increment(ref _repositories)}");
        var seed = Directory.CreateTempSubdirectory("promotion-seed-");
        try
        {
            if (fixture is not null)
            {
                Fixtures.CopyTo(fixture, seed.FullName);
            }

            foreach (var (path, text) in files ?? (fixture is null ? new Dictionary<string, string> { ["README.md"] = "# gitops\n" } : []))
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

    public GitHubClient Client(IGitHubCredentials? credentials = null) =>
        new(new GitHubClientOptions(Endpoint, credentials ?? UserCredentials) { Retry = RetryOptions.None });

    public PromotionTarget Target(RepositoryId repository) => PromotionTarget.GitHub(repository, Endpoint);

    public string BarePath(RepositoryId repository) => Server.BareRepositoryPath(repository.Owner, repository.Name);

    /// <summary>Runs git in the repository's bare directory, to see exactly what was written.</summary>
    public Task<string> GitAsync(RepositoryId repository, params string[] arguments) => Git.RunAsync(BarePath(repository), arguments);

    public async Task<string> ShowAsync(RepositoryId repository, string branch, string path)
    {
        var (code, output, error) = await Git.TryAsync(BarePath(repository), "cat-file", "blob", $"{branch}:{path}");
        return code == 0 ? output : throw new InvalidOperationException(error);
    }

    public async Task<string> ShowTextAsync(RepositoryId repository, string branch, string path) =>
        System.Text.Encoding.UTF8.GetString(await Git.BytesAsync(BarePath(repository), "cat-file", "blob", $"{branch}:{path}"));

    public Task<string> HeadAsync(RepositoryId repository, string branch = "main") => GitAsync(repository, "rev-parse", "refs/heads/" + branch);

    /// <summary>A commit by another writer, through the API, changing one file.</summary>
    public Task<string> CompetingCommitAsync(RepositoryId repository, string path, Func<string, string> change, string branch = "main") =>
        CompetingCommitAsyncAs(UserCredentials, repository, path, change, branch);

    /// <summary>A commit by another writer with the given credentials.</summary>
    public async Task<string> CompetingCommitAsyncAs(IGitHubCredentials credentials, RepositoryId repository, string path, Func<string, string> change, string branch = "main")
    {
        using var client = Client(credentials);
        var file = await client.Contents.GetFileAsync(repository, path, branch);
        var written = await client.Contents.PutFileAsync(repository, FileWrite.Text(path, change(file.Text), "Competing change") with { Sha = file.Sha, Branch = branch });
        return written.CommitSha;
    }
}
