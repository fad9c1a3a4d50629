namespace Pipeline.GitHub;

/// <summary>An installation of a GitHub App on an account.</summary>
/// <param name="Id">The installation id tokens are minted for.</param>
/// <param name="AppId">The App.</param>
/// <param name="Account">The account it is installed on.</param>
/// <param name="RepositorySelection"><c>all</c> or <c>selected</c>.</param>
/// <param name="Permissions">What the installation may do, such as <c>contents: write</c>.</param>
public sealed record Installation(long Id, long AppId, InstallationAccount Account, string? RepositorySelection, IReadOnlyDictionary<string, string>? Permissions);

/// <summary>The user or organisation an App is installed on.</summary>
/// <param name="Login">The account name.</param>
public sealed record InstallationAccount(string Login);

/// <summary>
/// What an installation token may reach: some of the installation's repositories (by name, without owner) and a
/// subset of its permissions (<c>contents: write</c>, <c>pull_requests: write</c>). Null fields mean "all of the installation's".
/// </summary>
public sealed record InstallationTokenScope
{
    /// <summary>Repository names (without owner).</summary>
    public IReadOnlyList<string>? Repositories { get; init; }

    /// <summary>Permission name to <c>read</c> or <c>write</c>.</summary>
    public IReadOnlyDictionary<string, string>? Permissions { get; init; }

    /// <summary>A scope of some repositories with some permissions.</summary>
    public static InstallationTokenScope For(IEnumerable<string> repositories, IReadOnlyDictionary<string, string>? permissions = null) =>
        new() { Repositories = repositories.ToList(), Permissions = permissions };
}

/// <summary>An installation token and what it may reach. It lives one hour.</summary>
/// <param name="Token">The token.</param>
/// <param name="ExpiresAt">When GitHub stops accepting it.</param>
/// <param name="Permissions">Its permissions.</param>
/// <param name="Repositories">The repositories it is limited to (empty when not limited).</param>
public sealed record InstallationToken(Secret Token, DateTimeOffset ExpiresAt, IReadOnlyDictionary<string, string> Permissions, IReadOnlyList<string> Repositories);

/// <summary>What <see cref="InstallationTokenProvider.RevokeAsync"/> did.</summary>
/// <param name="Revoked">Tokens GitHub revoked.</param>
/// <param name="Skipped">Tokens already expired (not sent) or already refused by GitHub.</param>
public sealed record TokenRevocation(int Revoked, int Skipped);
