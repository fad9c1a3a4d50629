using Pipeline.GitHub.Http;
using Pipeline.GitHub.Json;

namespace Pipeline.GitHub.Apps;

internal sealed class AppsClient(GitHubConnection connection) : IAppsClient
{
    public Task<Installation> GetRepositoryInstallationAsync(RepositoryId repository, CancellationToken cancellationToken = default)
    {
        RequireAppCredentials("find the installation of " + repository);
        return connection.SendAsync(
            new GitHubRequest(HttpMethod.Get, GitHubPaths.Repo(repository, "/installation")),
            GitHubJsonContext.Default.Installation,
            cancellationToken);
    }

    public async Task<InstallationToken> CreateInstallationTokenAsync(long installationId, InstallationTokenScope? scope = null, CancellationToken cancellationToken = default)
    {
        RequireAppCredentials("mint an installation token");
        var body = new InstallationTokenBody(scope?.Repositories, scope?.Permissions);

        // Minting twice only leaves a spare token that expires within the hour, so a retry is harmless.
        var request = new GitHubRequest(HttpMethod.Post, $"app/installations/{installationId}/access_tokens")
        {
            Body = GitHubConnection.Serialize(body, GitHubJsonContext.Default.InstallationTokenBody),
            Retry = RetryMode.Idempotent,
        };
        var minted = await connection.SendAsync(request, GitHubJsonContext.Default.InstallationTokenResponse, cancellationToken).ConfigureAwait(false);
        GitHubLog.TokenMinted(connection.Options.Logger, installationId, minted.ExpiresAt);
        return new InstallationToken(
            new Secret(minted.Token),
            minted.ExpiresAt,
            minted.Permissions ?? new Dictionary<string, string>(),
            minted.Repositories?.Select(r => r.Name).ToList() ?? []);
    }

    public async Task RevokeInstallationTokenAsync(Secret token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(token);
        var request = new GitHubRequest(HttpMethod.Delete, "installation/token") { Credentials = GitHubToken.Installation(token) };
        await connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
        GitHubLog.TokenRevoked(connection.Options.Logger);
    }

    private void RequireAppCredentials(string action)
    {
        if (connection.Options.Credentials.Kind != GitHubCredentialKind.AppJwt)
        {
            throw new GitHubException(
                $"To {action} the client must authenticate as the App: create it with a GitHubApp as credentials " +
                $"(it has {connection.Options.Credentials.Kind}).");
        }
    }
}
