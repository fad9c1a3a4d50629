using Pipeline.Promotion;
using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>Who BumpGitOps writes as, said without the secret: for the settings printed before the build starts.</summary>
internal static class WriteIdentity
{
    /// <summary>The identity and where it came from, or null when the target needs a credential and none is set.</summary>
    public static (string Identity, string Source)? Describe(IHazGitOps build, PromotionTarget target)
    {
        if (target.Kind == PromotionTargetKind.Directory)
        {
            return ("the files of the directory, in place (no credential)", "--gitops-repository is a directory");
        }

        if (target.Kind == PromotionTargetKind.GitUrl && target.Location.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return ("git, on this machine (no credential)", "--gitops-repository is a file:// URL");
        }

        if (build.GitHubAppId is { Length: > 0 } app)
        {
            return ($"GitHub App {app}", $"{build.SourceOf(nameof(IHazGitHubAccess.GitHubAppId))}; key from {build.SourceOf(nameof(IHazGitHubAccess.GitHubAppPrivateKey))}");
        }

        if (build.GitOpsToken is { Length: > 0 } token)
        {
            var kind = token.StartsWith("github_pat_", StringComparison.Ordinal) ? "fine-grained personal access token" : "personal access token";
            return (kind, build.SourceOf(nameof(IHazGitHubAccess.GitOpsToken)));
        }
        if (build.EnvironmentVariables.TryGetValue("GITHUB_TOKEN", out var workflow) && workflow.Length > 0)
        {
            return ("GITHUB_TOKEN (reaches only the repository of its own workflow)", "environment variable GITHUB_TOKEN");
        }

        return null;
    }

    /// <summary>The parameters (and variables) that give a credential, for problems that ask for one.</summary>
    public static readonly string[] Parameters =
        [nameof(IHazGitHubAccess.GitHubAppId), nameof(IHazGitHubAccess.GitHubAppPrivateKey), nameof(IHazGitHubAccess.GitOpsToken), "GITHUB_TOKEN"];

    public const string Fix =
        "set --github-app-id and --github-app-private-key (a GitHub App installed on the GitOps repository; GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY), " +
        "or --gitops-token (GITOPS_TOKEN, a personal access token with contents write), or GITHUB_TOKEN (which reaches only its own repository).";
}
