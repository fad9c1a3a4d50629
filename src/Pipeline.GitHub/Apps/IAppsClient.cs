namespace Pipeline.GitHub;

/// <summary>GitHub App endpoints: find an installation, mint scoped installation tokens, revoke them.</summary>
public interface IAppsClient
{
    /// <summary><c>GET /repos/{owner}/{repo}/installation</c> (with the App JWT): the App's installation on the repository.</summary>
    /// <exception cref="GitHubNotFoundException">The App is not installed on the repository.</exception>
    Task<Installation> GetRepositoryInstallationAsync(RepositoryId repository, CancellationToken cancellationToken = default);

    /// <summary><c>POST /app/installations/{id}/access_tokens</c> (with the App JWT): a token limited to the scope.</summary>
    Task<InstallationToken> CreateInstallationTokenAsync(long installationId, InstallationTokenScope? scope = null, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /installation/token</c>, authenticated with the token itself: it stops working at once.</summary>
    Task RevokeInstallationTokenAsync(Secret token, CancellationToken cancellationToken = default);
}
