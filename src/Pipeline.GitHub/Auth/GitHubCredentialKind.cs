namespace Pipeline.GitHub;

/// <summary>What kind of credential a request carries; error messages name fixes that fit the kind.</summary>
public enum GitHubCredentialKind
{
    /// <summary>A token whose kind is not known.</summary>
    Unknown,

    /// <summary>A classic personal access token (<c>ghp_</c>).</summary>
    PersonalAccessToken,

    /// <summary>A fine-grained personal access token (<c>github_pat_</c>).</summary>
    FineGrainedPersonalAccessToken,

    /// <summary>The <c>GITHUB_TOKEN</c> of a GitHub Actions run.</summary>
    ActionsToken,

    /// <summary>A GitHub App installation token (<c>ghs_</c>).</summary>
    InstallationToken,

    /// <summary>A GitHub App JSON Web Token, accepted only by the <c>/app</c> endpoints.</summary>
    AppJwt,
}
