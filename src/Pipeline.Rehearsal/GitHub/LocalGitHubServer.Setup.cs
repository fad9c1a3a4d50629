using System.Security.Cryptography;

namespace Pipeline.Rehearsal.GitHub;

public sealed partial class LocalGitHubServer
{
    /// <summary>
    /// Creates a repository (a bare git repository on disk). With a seed directory, its files (recursively,
    /// executables kept executable) become the first commit of the default branch.
    /// </summary>
    public async Task CreateRepositoryAsync(string owner, string name, string defaultBranch = "main",
        string? seedDirectory = null, CancellationToken ct = default)
    {
        var repository = await _state.CreateRepositoryAsync(owner, name, defaultBranch, ct);
        if (seedDirectory is null)
        {
            return;
        }

        var changes = new List<GitTreeChange>();
        foreach (var file in Directory.EnumerateFiles(seedDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(seedDirectory, file).Replace('\\', '/');
            if (relative == ".git" || relative.StartsWith(".git/", StringComparison.Ordinal))
            {
                continue;
            }

            var sha = await repository.Git.WriteBlobAsync(await File.ReadAllBytesAsync(file, ct), ct);
            var executable = !OperatingSystem.IsWindows()
                && (File.GetUnixFileMode(file) & UnixFileMode.UserExecute) != 0;
            changes.Add(new GitTreeChange(relative, executable ? "100755" : "100644", "blob", sha));
        }

        var tree = await repository.Git.EditTreeAsync(null, changes, ct);
        var who = new GitIdentity(owner, owner + "@users.noreply.localhost", Clock.GetUtcNow());
        var commit = await repository.Git.CommitTreeAsync(tree, [], "Initial commit\n", who, who, ct);
        await repository.Git.CompareAndSwapRefAsync("refs/heads/" + defaultBranch, commit, null, ct);
    }

    /// <summary>Registers a GitHub App whose JWTs are verified with the public key in <paramref name="publicKeyPem"/>.</summary>
    public RegisteredApp RegisterApp(long appId, string clientId, string publicKeyPem, string slug)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(publicKeyPem);
        return RegisterApp(appId, clientId, rsa, slug);
    }

    /// <summary>Registers a GitHub App whose JWTs are verified with <paramref name="key"/> (only its public part is kept).</summary>
    public RegisteredApp RegisterApp(long appId, string clientId, RSA key, string slug)
    {
        ArgumentNullException.ThrowIfNull(key);
        var publicKey = RSA.Create();
        publicKey.ImportParameters(key.ExportParameters(includePrivateParameters: false));
        var app = new RegisteredApp(appId, clientId, slug);
        _state.RegisterApp(app, publicKey);
        return app;
    }

    /// <summary>
    /// Installs an App on an account, for all its repositories (null) or the named ones, with permissions such as
    /// <c>contents: write</c>; returns the installation ID. Default permissions: contents, pull requests and
    /// issues write, metadata read.
    /// </summary>
    public long InstallApp(long appId, string account, IEnumerable<string>? repositories = null,
        IReadOnlyDictionary<string, string>? permissions = null) =>
        _state.Install(appId, account, permissions ?? new Dictionary<string, string>
        {
            ["contents"] = "write",
            ["pull_requests"] = "write",
            ["issues"] = "write",
            ["statuses"] = "write",
            ["checks"] = "write",
            ["metadata"] = "read",
        }, repositories).Id;

    /// <summary>Issues a personal access token for <paramref name="login"/>: classic (<c>ghp_</c>) or fine-grained (<c>github_pat_</c>).</summary>
    public string IssuePersonalToken(string login, PersonalTokenOptions? options = null)
    {
        options ??= new PersonalTokenOptions();
        var user = _state.Account(login);
        var token = _state.AddToken(options.FineGrained ? "github_pat_" : "ghp_", value => options.FineGrained
            ? new TokenState(value, TokenKind.FineGrainedPersonal, user, options.ExpiresAt)
            {
                Repositories = options.Repositories?.ToHashSet(StringComparer.OrdinalIgnoreCase),
                Permissions = new Dictionary<string, string>(options.Permissions, StringComparer.Ordinal),
            }
            : new TokenState(value, TokenKind.ClassicPersonal, user, options.ExpiresAt) { Scopes = options.Scopes });
        return token.Value;
    }

    /// <summary>Protects a branch; pass null to use the defaults (pull request required, no bypass).</summary>
    public void ProtectBranch(string owner, string repo, string branch, BranchProtection? protection = null)
    {
        var repository = RequireRepository(owner, repo);
        lock (repository.Protections)
        {
            repository.Protections[branch] = protection ?? new BranchProtection();
        }
    }

    /// <summary>
    /// Records the outcome of a check on a commit (the same as a commit status with that context); pull requests
    /// waiting to auto-merge merge once every required check of their base branch has succeeded on their head.
    /// </summary>
    public async Task SetCheckAsync(string owner, string repo, string sha, string name, CheckConclusion conclusion,
        CancellationToken ct = default)
    {
        var repository = RequireRepository(owner, repo);
        _state.AddStatus(repository, sha, conclusion switch
        {
            CheckConclusion.Success => "success",
            CheckConclusion.Pending => "pending",
            _ => "failure",
        }, name, null, null, null);
        await _state.RefsChangedAsync(repository, ct);
    }

    /// <summary>The commit a branch of a hosted repository points at, or null when the branch does not exist.</summary>
    public Task<string?> BranchHeadAsync(string owner, string repo, string branch, CancellationToken ct = default) =>
        RequireRepository(owner, repo).Git.ReadRefAsync("refs/heads/" + branch, ct);

    private RepositoryState RequireRepository(string owner, string repo) =>
        _state.FindRepository(owner, repo)
        ?? throw new InvalidOperationException($"Repository '{owner}/{repo}' does not exist on this server. Call CreateRepositoryAsync first.");
}
