using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>How the build reaches GitHub: the API, and a GitHub App or a token.</summary>
public interface IHazGitHubAccess : IPipelineBuild
{
    /// <summary>The REST API base URL.</summary>
    [Parameter("GitHub API base URL (default https://api.github.com; GitHub Enterprise: https://HOST/api/v3).")]
    Uri? GitHubApiUrl => TryGetValue<Uri>();

    /// <summary>The App's ID (or client ID).</summary>
    [Parameter("GitHub App ID (or client ID) that writes to the GitOps repository; with --github-app-private-key.")]
    string? GitHubAppId => TryGetValue<string>();

    /// <summary>The App's private key: PEM text, or the path of a .pem file.</summary>
    [Parameter("The GitHub App's private key: PEM text (PKCS#1 or PKCS#8), or the path of the .pem file.")]
    [Secret]
    string? GitHubAppPrivateKey => TryGetValue<string>();

    /// <summary>A personal access token for the GitOps repository, used when no App is configured.</summary>
    [Parameter("A token for the GitOps repository when no App is configured: fine-grained or classic personal access token (default: GITHUB_TOKEN, which reaches only its own repository).")]
    [Secret]
    string? GitOpsToken => TryGetValue<string>();
}
