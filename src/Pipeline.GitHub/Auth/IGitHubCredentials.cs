namespace Pipeline.GitHub;

/// <summary>
/// Supplies the bearer token sent, explicitly, in the Authorization header of every request.
/// Called once per attempt, so a provider can hand out a fresh token when the old one is about to expire.
/// </summary>
public interface IGitHubCredentials
{
    /// <summary>The kind of credential, used to word error messages.</summary>
    GitHubCredentialKind Kind { get; }

    /// <summary>Returns the token to send now.</summary>
    ValueTask<Secret> GetTokenAsync(CancellationToken cancellationToken = default);
}
