namespace Pipeline.Targets;

/// <summary>A process to start: immutable, adjusted with <c>with</c>.</summary>
/// <param name="FileName">The executable (looked up on PATH).</param>
/// <param name="Arguments">Arguments, passed without a shell.</param>
public sealed record ProcessRequest(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>The working directory; null is the current directory.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Environment variables to set (null values remove a variable).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Values to redact from the echoed command line, the logged output and exception messages.</summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];

    /// <summary>Whether each output line is written to the build log as it arrives.</summary>
    public bool LogOutput { get; init; } = true;

    /// <summary>Called with each line of standard output as it arrives (after it is logged), e.g. to follow progress.</summary>
    public Action<string>? OnOutputLine { get; init; }

    /// <summary>Whether a non-zero exit code throws <see cref="ProcessException"/>.</summary>
    public bool ThrowOnFailure { get; init; } = true;

    /// <summary>The command line as it would be typed, secrets redacted.</summary>
    public string CommandLine => Redact(string.Join(' ', new[] { FileName }.Concat(Arguments).Select(Quote)));

    internal string Redact(string text)
    {
        foreach (var secret in Secrets.Where(s => s.Length > 0).OrderByDescending(s => s.Length))
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        return text;
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsLetterOrDigit(c) || "-_./:=,@+%".Contains(c))
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}

/// <summary>What a finished process left behind.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="StandardOutput">Everything written to standard output.</param>
/// <param name="StandardError">Everything written to standard error.</param>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);

/// <summary>A process exited with a non-zero code.</summary>
public sealed class ProcessException : BuildException
{
    /// <summary>Creates the exception.</summary>
    public ProcessException(string commandLine, int exitCode, string standardErrorTail)
        : base($"Process exited with code {exitCode}: {commandLine}" + (standardErrorTail.Length > 0 ? Environment.NewLine + standardErrorTail : ""))
    {
        CommandLine = commandLine;
        ExitCode = exitCode;
        StandardErrorTail = standardErrorTail;
    }

    /// <summary>The command line, secrets redacted.</summary>
    public string CommandLine { get; }

    /// <summary>The exit code.</summary>
    public int ExitCode { get; }

    /// <summary>The last lines of standard error, secrets redacted.</summary>
    public string StandardErrorTail { get; }
}
