using Pipeline.GitHub;
using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>The credential the GitOps parameters describe: a GitHub App when its ID and key are set, else a token.</summary>
internal static class GitHubCredentials
{
    public static IGitHubCredentials? From(IHazGitHubAccess build)
    {
        if (build.GitHubAppId is { Length: > 0 } appId)
        {
            var key = build.GitHubAppPrivateKey
                ?? throw new BuildException("--github-app-id is set but --github-app-private-key is not: pass the App's private key (PEM text or a .pem path), e.g. GITHUB_APP_PRIVATE_KEY from a secret.");
            return key.Contains("-----BEGIN", StringComparison.Ordinal)
                ? GitHubApp.FromPem(appId, new Secret(key))
                : File.Exists(key)
                    ? GitHubApp.FromPemFile(appId, key)
                    : throw new BuildException("--github-app-private-key is neither PEM text nor an existing .pem file; pass the key the App's settings page downloaded.");
        }
        if (build.GitHubToken is not { Length: > 0 } token)
            return null;
        var fromActions = build.EnvironmentVariables.TryGetValue("GITHUB_ACTIONS", out var actions) && actions == "true"
            && build.EnvironmentVariables.TryGetValue(GitHubToken.ActionsVariable, out var workflowToken) && workflowToken == token;
        return fromActions ? GitHubToken.Actions(new Secret(token)) : GitHubToken.PersonalAccessToken(new Secret(token));
    }
}
