namespace Pipeline.Targets;

/// <summary>The level of a log line.</summary>
public enum LogLevel
{
    /// <summary>Shown with <c>--verbosity verbose</c> only.</summary>
    Debug,

    /// <summary>Normal output.</summary>
    Information,

    /// <summary>Repeated before the summary; a <c>::warning::</c> annotation on GitHub Actions.</summary>
    Warning,

    /// <summary>Repeated before the summary; an <c>::error::</c> annotation on GitHub Actions.</summary>
    Error,
}

/// <summary>
/// Writes to the output of the running build (secrets redacted, filtered by verbosity, warnings and errors
/// collected for the end). Outside a build it writes to the console.
/// </summary>
public static class Log
{
    private static readonly AsyncLocal<BuildOutput?> CurrentOutput = new();

    internal static BuildOutput? Current
    {
        get => CurrentOutput.Value;
        set => CurrentOutput.Value = value;
    }

    /// <summary>
    /// Keeps a value learned while the build runs (a minted token, a generated key) out of the output: every form of it
    /// redacted from every later line, message and artifact of the process, and masked with <c>::add-mask::</c> on GitHub Actions.
    /// </summary>
    public static void Mask(string secret)
    {
        SecretRegistry.Shared.Add(secret);
        Current?.Mask([secret]);
    }

    /// <summary>Writes a debug line.</summary>
    public static void Debug(string message) => Write(LogLevel.Debug, message);

    /// <summary>Writes an information line.</summary>
    public static void Information(string message) => Write(LogLevel.Information, message);

    /// <summary>Writes a warning.</summary>
    public static void Warning(string message) => Write(LogLevel.Warning, message);

    /// <summary>Writes an error.</summary>
    public static void Error(string message) => Write(LogLevel.Error, message);

    /// <summary>Writes a line at the given level.</summary>
    public static void Write(LogLevel level, string message)
    {
        if (Current is { } output)
        {
            output.Write(level, message);
        }
        else if (level >= LogLevel.Warning)
        {
            Console.Error.WriteLine(message);
        }
        else
        {
            Console.Out.WriteLine(message);
        }
    }
}
