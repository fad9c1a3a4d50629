namespace Pipeline.Promotion;

/// <summary>The branch (or a file) moved since it was read; nothing was written. Re-read and re-apply.</summary>
public sealed class WriteConflictException : PromotionException
{
    /// <summary>Creates the exception.</summary>
    public WriteConflictException(string branch, string? expectedHead, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Branch = branch;
        ExpectedHead = expectedHead;
    }

    /// <summary>The branch written to.</summary>
    public string Branch { get; }

    /// <summary>The head the write was based on.</summary>
    public string? ExpectedHead { get; }
}

/// <summary>Branch protection refused a direct write; nothing was written.</summary>
public sealed class ProtectedBranchException : PromotionException
{
    /// <summary>Creates the exception.</summary>
    public ProtectedBranchException(string repository, string branch, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Repository = repository;
        Branch = branch;
    }

    /// <summary>The repository.</summary>
    public string Repository { get; }

    /// <summary>The protected branch.</summary>
    public string Branch { get; }
}

/// <summary>The retry budget ran out while the branch kept moving (or kept failing); nothing of this promotion was written.</summary>
public sealed class PromotionConflictException : PromotionException
{
    /// <summary>Creates the exception.</summary>
    public PromotionConflictException(string branch, int attempts, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Branch = branch;
        Attempts = attempts;
    }

    /// <summary>Creates the exception with how long the promotion tried and the head its last attempt was based on.</summary>
    public PromotionConflictException(string branch, int attempts, TimeSpan elapsed, string? lastHead, string message, Exception? innerException = null)
        : this(branch, attempts, message, innerException)
    {
        Elapsed = elapsed;
        LastHead = lastHead;
    }

    /// <summary>The branch.</summary>
    public string Branch { get; }

    /// <summary>How many times the promotion was read, applied and written.</summary>
    public int Attempts { get; }

    /// <summary>How long it kept trying (work and waits).</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>The branch head the last attempt read, when it got that far.</summary>
    public string? LastHead { get; }
}

/// <summary>A git command failed; <see cref="Arguments"/> and <see cref="StandardError"/> say how (never with a credential).</summary>
public sealed class PromotionGitException : PromotionException
{
    /// <summary>Creates the exception.</summary>
    public PromotionGitException(string arguments, int exitCode, string standardError, string message)
        : base(message)
    {
        Arguments = arguments;
        ExitCode = exitCode;
        StandardError = standardError;
    }

    /// <summary>The git arguments.</summary>
    public string Arguments { get; }

    /// <summary>The exit code.</summary>
    public int ExitCode { get; }

    /// <summary>What git printed on standard error.</summary>
    public string StandardError { get; }

    /// <summary>
    /// Whether the remote failed for a moment (a 5xx or 429 answer, a dropped connection), so that the same command
    /// may work later; false for a refusal that will not change by itself (credentials, a missing repository).
    /// </summary>
    public bool IsTransient { get; init; }
}
