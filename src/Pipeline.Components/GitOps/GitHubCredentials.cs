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
        if (build.GitOpsToken is { Length: > 0 } token)
        {
            return GitHubToken.PersonalAccessToken(new Secret(Plausible(token, "--gitops-token")));
        }

        if (!build.EnvironmentVariables.TryGetValue(GitHubToken.ActionsVariable, out var workflowToken) || workflowToken.Length == 0)
        {
            return null;
        }

        var onActions = build.EnvironmentVariables.TryGetValue("GITHUB_ACTIONS", out var actions) && actions == "true";
        Plausible(workflowToken, GitHubToken.ActionsVariable);
        Log.Mask(workflowToken);
        return onActions ? GitHubToken.Actions(new Secret(workflowToken)) : GitHubToken.PersonalAccessToken(new Secret(workflowToken));
    }

    /// <summary>A token of a few characters is a placeholder a secret store returned, not a token.</summary>
    private static string Plausible(string token, string source)
    {
        if (token.Trim().Length >= 8)
        {
            return token.Trim();
        }

        throw new BuildException(
            $"{source} holds {token.Length} character(s), which is no GitHub token. A secret store gave a placeholder: 'gh secret set NAME --body -' " +
            "stores the text '-'; pipe the value instead (printf '%s' \"$TOKEN\" | gh secret set NAME).");
    }
}
