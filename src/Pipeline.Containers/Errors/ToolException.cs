namespace Pipeline.Containers;

/// <summary>A command line tool (<c>docker buildx</c>) failed: carries its exit code, command line and the end of its stderr.</summary>
public sealed class ToolException : ContainerException
{
    /// <summary>Creates the exception; <paramref name="commandLine"/> and <paramref name="standardErrorTail"/> must already be redacted.</summary>
    public ToolException(string commandLine, int exitCode, string standardErrorTail, string fix)
        : base($"'{commandLine}' failed with exit code {exitCode}. {fix}{Environment.NewLine}{standardErrorTail}".TrimEnd())
    {
        CommandLine = commandLine;
        ExitCode = exitCode;
        StandardErrorTail = standardErrorTail;
    }

    /// <summary>The command line, secrets masked.</summary>
    public string CommandLine { get; }

    /// <summary>The exit code.</summary>
    public int ExitCode { get; }

    /// <summary>The last lines of stderr, secrets masked.</summary>
    public string StandardErrorTail { get; }
}
