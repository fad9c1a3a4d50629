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

/// <summary>Retries after write conflicts were used up; nothing of this promotion was written.</summary>
public sealed class PromotionConflictException : PromotionException
{
    /// <summary>Creates the exception.</summary>
    public PromotionConflictException(string branch, int attempts, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Branch = branch;
        Attempts = attempts;
    }

    /// <summary>The branch.</summary>
    public string Branch { get; }

    /// <summary>How many times the promotion was read, applied and written.</summary>
    public int Attempts { get; }
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
}
