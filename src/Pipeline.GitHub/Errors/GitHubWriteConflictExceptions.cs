namespace Pipeline.GitHub;

/// <summary>
/// Another writer changed the target first. Nothing was written; re-read, re-apply the change and try again.
/// Catch this base type to handle all three optimistic-concurrency failures alike.
/// </summary>
public abstract class GitHubWriteConflictException : GitHubException
{
    /// <summary>Creates the exception.</summary>
    protected GitHubWriteConflictException(string message, GitHubResponseInfo response)
        : base(message, response)
    {
    }

    /// <inheritdoc />
    public override bool IsTransient => true;
}

/// <summary>A contents write named a blob sha that is no longer (or not yet) the file's current one.</summary>
public sealed class StaleContentShaException : GitHubWriteConflictException
{
    /// <summary>Creates the exception.</summary>
    public StaleContentShaException(string message, GitHubResponseInfo response, string path, string? expectedSha)
        : base(message, response)
    {
        Path = path;
        ExpectedSha = expectedSha;
    }

    /// <summary>The file path.</summary>
    public string Path { get; }

    /// <summary>The blob sha the write was based on (null for a create).</summary>
    public string? ExpectedSha { get; }
}

/// <summary>A ref update with <c>force: false</c> would have dropped commits: the ref moved since it was read.</summary>
public sealed class NonFastForwardException : GitHubWriteConflictException
{
    /// <summary>Creates the exception.</summary>
    public NonFastForwardException(string message, GitHubResponseInfo response, string reference, string sha)
        : base(message, response)
    {
        Reference = reference;
        Sha = sha;
    }

    /// <summary>The ref, such as <c>refs/heads/main</c>.</summary>
    public string Reference { get; }

    /// <summary>The commit the update tried to set.</summary>
    public string Sha { get; }
}

/// <summary>A GraphQL <c>createCommitOnBranch</c> found the branch head elsewhere than <c>expectedHeadOid</c>.</summary>
public sealed class ExpectedHeadOidMismatchException : GitHubWriteConflictException
{
    /// <summary>Creates the exception.</summary>
    public ExpectedHeadOidMismatchException(string message, GitHubResponseInfo response, string branch, string expectedHeadOid)
        : base(message, response)
    {
        Branch = branch;
        ExpectedHeadOid = expectedHeadOid;
    }

    /// <summary>The branch written to.</summary>
    public string Branch { get; }

    /// <summary>The head the commit was based on.</summary>
    public string ExpectedHeadOid { get; }
}
