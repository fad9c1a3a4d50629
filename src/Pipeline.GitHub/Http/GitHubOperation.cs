namespace Pipeline.GitHub.Http;

/// <summary>What a request does, when that decides how a failure is read (see <see cref="Errors.GitHubErrorTable"/>).</summary>
internal abstract record GitHubOperation
{
    internal sealed record ContentsWrite(string Path, string? Sha) : GitHubOperation;

    internal sealed record RefUpdate(string Reference, string Sha) : GitHubOperation;

    internal sealed record Merge(int Number) : GitHubOperation;

    internal sealed record CommitOnBranch(string Branch, string ExpectedHeadOid) : GitHubOperation;
}

/// <summary>When a request may be sent again after a failure.</summary>
internal enum RetryMode
{
    /// <summary>Reads, and writes that give the same result twice (PUT, PATCH, DELETE, content-addressed objects).</summary>
    Idempotent,

    /// <summary>
    /// A POST that creates something: retried only when GitHub certainly did not act on it (the connection
    /// never opened, or a rate limit rejected it), never after a 5xx or a lost answer.
    /// </summary>
    UnlessProcessed,
}
