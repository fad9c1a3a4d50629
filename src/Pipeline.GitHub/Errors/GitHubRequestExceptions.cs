namespace Pipeline.GitHub;

/// <summary>409 that is not a stale write: for example an empty repository, or a merge whose head moved.</summary>
public sealed class GitHubConflictException : GitHubException
{
    /// <summary>Creates the exception.</summary>
    public GitHubConflictException(string message, GitHubResponseInfo response)
        : base(message, response)
    {
    }
}

/// <summary>422: GitHub understood the request but refused its content; see <see cref="GitHubException.Errors"/>.</summary>
public sealed class GitHubValidationException : GitHubException
{
    /// <summary>Creates the exception.</summary>
    public GitHubValidationException(string message, GitHubResponseInfo response)
        : base(message, response)
    {
    }
}

/// <summary>A write to a protected branch (or one guarded by a ruleset) was refused.</summary>
public sealed class GitHubProtectedBranchException : GitHubException
{
    /// <summary>Creates the exception.</summary>
    public GitHubProtectedBranchException(string message, GitHubResponseInfo response)
        : base(message, response)
    {
    }
}

/// <summary>405 on a merge: the pull request cannot be merged now (checks, reviews, conflicts, or a disallowed method).</summary>
public sealed class GitHubNotMergeableException : GitHubException
{
    /// <summary>Creates the exception.</summary>
    public GitHubNotMergeableException(string message, GitHubResponseInfo response)
        : base(message, response)
    {
    }
}

/// <summary>5xx still failing after the bounded retries, or a request that got no answer at all.</summary>
public sealed class GitHubServerException : GitHubException
{
    /// <summary>Creates the exception.</summary>
    public GitHubServerException(string message, GitHubResponseInfo? response, Exception? innerException = null)
        : base(message, response, innerException)
    {
    }

    /// <inheritdoc />
    public override bool IsTransient => true;
}

/// <summary>A GraphQL response carried <c>errors</c> that no more specific type describes.</summary>
public sealed class GitHubGraphQLException : GitHubException
{
    /// <summary>Creates the exception.</summary>
    public GitHubGraphQLException(string message, GitHubResponseInfo response)
        : base(message, response)
    {
    }
}

/// <summary>A request refused before sending because GitHub would refuse it; <see cref="Problems"/> says why.</summary>
public sealed class GitHubRequestValidationException : GitHubException
{
    /// <summary>Creates the exception.</summary>
    public GitHubRequestValidationException(string message, IReadOnlyList<string> problems)
        : base(message)
    {
        Problems = problems;
    }

    /// <summary>Each rule the request breaks.</summary>
    public IReadOnlyList<string> Problems { get; }
}

/// <summary>A GitHub App private key that cannot be used.</summary>
public sealed class GitHubAppKeyException : GitHubException
{
    /// <summary>Creates the exception.</summary>
    public GitHubAppKeyException(string message, Exception? innerException = null)
        : base(message, null, innerException)
    {
    }
}
