namespace Pipeline.GitHub;

/// <summary>A fixed token: a personal access token (classic or fine-grained), <c>GITHUB_TOKEN</c>, or an installation token.</summary>
public sealed class GitHubToken : IGitHubCredentials
{
    /// <summary>The environment variable GitHub Actions fills with the run's token when a workflow passes it.</summary>
    public const string ActionsVariable = "GITHUB_TOKEN";

    private readonly Secret _token;

    /// <summary>Wraps a token of a known kind.</summary>
    public GitHubToken(Secret token, GitHubCredentialKind kind)
    {
        _token = token ?? throw new ArgumentNullException(nameof(token));
        Kind = kind;
    }

    /// <inheritdoc />
    public GitHubCredentialKind Kind { get; }

    /// <summary>A personal access token; classic (<c>ghp_</c>) and fine-grained (<c>github_pat_</c>) are told apart by prefix.</summary>
    public static GitHubToken PersonalAccessToken(Secret token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var kind = token.Reveal().StartsWith("github_pat_", StringComparison.Ordinal)
            ? GitHubCredentialKind.FineGrainedPersonalAccessToken
            : GitHubCredentialKind.PersonalAccessToken;
        return new GitHubToken(token, kind);
    }

    /// <summary>The <c>GITHUB_TOKEN</c> of a GitHub Actions run.</summary>
    public static GitHubToken Actions(Secret token) => new(token, GitHubCredentialKind.ActionsToken);

    /// <summary>An installation token minted elsewhere.</summary>
    public static GitHubToken Installation(Secret token) => new(token, GitHubCredentialKind.InstallationToken);

    /// <summary>Reads <c>GITHUB_TOKEN</c>; null when it is not set.</summary>
    public static GitHubToken? FromActionsEnvironment()
    {
        var token = Secret.FromEnvironment(ActionsVariable);
        return token is null ? null : Actions(token);
    }

    /// <inheritdoc />
    public ValueTask<Secret> GetTokenAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(_token);

    /// <inheritdoc />
    public override string ToString() => $"{Kind} {Secret.Mask}";
}
