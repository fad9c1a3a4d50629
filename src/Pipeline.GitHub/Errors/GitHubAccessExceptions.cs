namespace Pipeline.GitHub;

/// <summary>401: the credential was not accepted (expired, revoked, wrong, or blocked by an organisation policy).</summary>
public sealed class GitHubAuthenticationException : GitHubException
{
    /// <summary>Creates the exception.</summary>
    public GitHubAuthenticationException(string message, GitHubResponseInfo response, GitHubCredentialKind credentialKind)
        : base(message, response)
    {
        CredentialKind = credentialKind;
    }

    /// <summary>The kind of credential that was refused.</summary>
    public GitHubCredentialKind CredentialKind { get; }
}

/// <summary>403 that is not a rate limit: the credential is valid but may not do this.</summary>
public sealed class GitHubForbiddenException : GitHubException
{
    /// <summary>Creates the exception.</summary>
    public GitHubForbiddenException(string message, GitHubResponseInfo response, string? acceptedPermissions)
        : base(message, response)
    {
        AcceptedPermissions = acceptedPermissions;
    }

    /// <summary>GitHub's <c>x-accepted-github-permissions</c>: the permissions that would have allowed the request.</summary>
    public string? AcceptedPermissions { get; }
}

/// <summary>404: the resource does not exist, or (often) the credential may not see it.</summary>
public sealed class GitHubNotFoundException : GitHubException
{
    /// <summary>Creates the exception.</summary>
    public GitHubNotFoundException(string message, GitHubResponseInfo response, string? acceptedPermissions)
        : base(message, response)
    {
        AcceptedPermissions = acceptedPermissions;
    }

    /// <summary>GitHub's <c>x-accepted-github-permissions</c>, when it sent one.</summary>
    public string? AcceptedPermissions { get; }
}

/// <summary>Which rate limit was hit.</summary>
public enum GitHubRateLimitKind
{
    /// <summary>The hourly request quota (<c>x-ratelimit-remaining: 0</c>).</summary>
    Primary,

    /// <summary>GitHub's abuse protection: too many requests too fast, or too much concurrency.</summary>
    Secondary,
}

/// <summary>403 or 429 from a rate limit, still failing after the bounded retries (or needing a longer wait than allowed).</summary>
public sealed class GitHubRateLimitException : GitHubException
{
    /// <summary>Creates the exception.</summary>
    public GitHubRateLimitException(string message, GitHubResponseInfo response, GitHubRateLimitKind kind, DateTimeOffset? resetsAt, TimeSpan? retryAfter)
        : base(message, response)
    {
        Kind = kind;
        ResetsAt = resetsAt;
        RetryAfter = retryAfter;
    }

    /// <summary>Primary or secondary.</summary>
    public GitHubRateLimitKind Kind { get; }

    /// <summary>When the primary quota resets (<c>x-ratelimit-reset</c>).</summary>
    public DateTimeOffset? ResetsAt { get; }

    /// <summary>How long GitHub asked to wait (<c>Retry-After</c>).</summary>
    public TimeSpan? RetryAfter { get; }

    /// <inheritdoc />
    public override bool IsTransient => true;
}
