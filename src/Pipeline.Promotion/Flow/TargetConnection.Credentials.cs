using Microsoft.Extensions.Logging;
using Pipeline.GitHub;

namespace Pipeline.Promotion;

/// <summary>How the credentials of a request become a client or a git token.</summary>
internal sealed partial class TargetConnection
{
    private static async Task<GitHubClient> GitHubClientAsync(GitHubEndpoint endpoint, RepositoryId repository, IGitHubCredentials? credentials,
        PromoterOptions options, Owned owned, CancellationToken cancellationToken)
    {
        if (credentials is null)
        {
            throw new PromotionRequestException($"Writing to {repository} needs credentials: a GitHub App (App ID and private key) or a token with contents write access.");
        }

        GitHubClient Create(IGitHubCredentials c) =>
            owned.Add(new GitHubClient(options.ConfigureGitHub(new GitHubClientOptions(endpoint, c) { Logger = options.Logger }), options.HttpClient));

        if (credentials.Kind != GitHubCredentialKind.AppJwt)
        {
            return Create(credentials);
        }

        // An App's JWT only reaches /app endpoints: find its installation on the repository and mint tokens from it.
        var app = Create(credentials);
        var tokens = await InstallationTokenProvider.ForRepositoryAsync(app.Apps, repository, timeProvider: app.Options.TimeProvider, cancellationToken: cancellationToken).ConfigureAwait(false);
        return Create(owned.AddTokens(tokens));
    }

    /// <summary>
    /// GitHub takes an installation token over HTTPS as the password of <c>x-access-token</c>, but not the App's JWT:
    /// for a git URL on GitHub, find the App's installation on that repository and mint tokens limited to it.
    /// </summary>
    private static async Task<IGitHubCredentials> GitUrlInstallationAsync(PromotionTarget target, IGitHubCredentials app, PromoterOptions options,
        Owned owned, CancellationToken cancellationToken)
    {
        if (!GitHubGitUrl.TryParse(target.Location, out var repository, out var inferred))
        {
            throw new PromotionRequestException(
                $"A GitHub App can push only to a repository on GitHub, over HTTPS: {target.Location} is not an https://HOST/OWNER/NAME.git address. "
                + "Pass owner/name or the repository's HTTPS URL, or a token this git host accepts.");
        }

        var endpoint = target.Endpoint ?? inferred;
        var client = new GitHubClient(options.ConfigureGitHub(new GitHubClientOptions(endpoint, app) { Logger = options.Logger }), options.HttpClient);
        var scope = InstallationTokenScope.For([repository.Name], new Dictionary<string, string> { ["contents"] = "write" });
        try
        {
            var tokens = await InstallationTokenProvider.ForRepositoryAsync(client.Apps, repository, scope, client.Options.TimeProvider, cancellationToken).ConfigureAwait(false);
            owned.Add(client);
            return owned.AddTokens(tokens);
        }
        catch (GitHubNotFoundException exception)
        {
            client.Dispose();
            throw new PromotionRequestException(
                $"{app} is not installed on {repository} (read from {target.Location}) according to {endpoint.Api}: install the App on the repository, "
                + "or pass the API address (--github-api-url) when it is not the one the URL's host implies.", exception);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Installation tokens minted for this promotion stop working when it ends, whether it succeeded or failed: a
    /// token left alive for the rest of its hour is a credential nobody needs any more. Revocation is best effort; its
    /// failure is logged and never hides the promotion's own outcome.
    /// </summary>
    private async Task RevokeTokensAsync()
    {
        foreach (var tokens in _owned.Tokens)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                var revocation = await tokens.RevokeAsync(timeout.Token).ConfigureAwait(false);
                _log.LogInformation("Revoked {Revoked} installation token(s) of installation {Installation}; {Skipped} already expired",
                    revocation.Revoked, tokens.InstallationId, revocation.Skipped);
            }
            catch (Exception exception) when (exception is GitHubException or OperationCanceledException or HttpRequestException)
            {
                _log.LogWarning("Could not revoke the installation tokens of installation {Installation} ({Reason}); they expire within the hour",
                    tokens.InstallationId, exception.Message);
            }
        }
    }

    private static Func<CancellationToken, ValueTask<Secret?>> Token(IGitHubCredentials? credentials) =>
        credentials is null ? _ => ValueTask.FromResult<Secret?>(null) : async ct => await credentials.GetTokenAsync(ct).ConfigureAwait(false);
}
