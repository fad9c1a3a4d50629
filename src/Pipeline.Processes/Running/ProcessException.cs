using System.Globalization;

namespace Pipeline.Processes;

/// <summary>Why a tool did not do its job.</summary>
public enum ProcessFailure
{
    /// <summary>It exited with a code that is not an accepted answer.</summary>
    ExitCode,

    /// <summary>It could not be started: not installed, not on PATH, not executable, or no such working directory.</summary>
    NotStarted,

    /// <summary>It ran past its timeout and was killed with every process it started.</summary>
    TimedOut,
}

/// <summary>
/// A tool failed. Carries the command line and the end of stderr (both redacted) and the exit code; the message
/// names what failed and what to do. The one failure type of every process this library runs.
/// </summary>
public sealed class ProcessException : Exception
{
    /// <summary>Creates the exception; the message and the texts are redacted again here.</summary>
    public ProcessException(ProcessFailure failure, string commandLine, int? exitCode, string standardErrorTail, string message, Exception? innerException = null)
        : base(SecretRegistry.Shared.Redact(message), innerException)
    {
        Failure = failure;
        CommandLine = SecretRegistry.Shared.Redact(commandLine);
        ExitCode = exitCode;
        StandardErrorTail = SecretRegistry.Shared.Redact(standardErrorTail);
    }

    /// <summary>Why it failed.</summary>
    public ProcessFailure Failure { get; }

    /// <summary>The command line, secrets redacted.</summary>
    public string CommandLine { get; }

    /// <summary>The exit code, or null when the process did not start or was killed at its timeout.</summary>
    public int? ExitCode { get; }

    /// <summary>The last lines of stderr, secrets redacted.</summary>
    public string StandardErrorTail { get; }

    /// <summary>The exception for a process that exited with <paramref name="exitCode"/>.</summary>
    public static ProcessException Exited(string commandLine, int exitCode, string standardErrorTail, string? fix = null)
    {
        var what = fix ?? (standardErrorTail.Length > 0
            ? "Its error output ends with the lines below; fix what they name and run again."
            : "It wrote no error output; run the command by hand to see why.");
        var tail = standardErrorTail.Length > 0 ? Environment.NewLine + standardErrorTail : string.Empty;
        return new ProcessException(ProcessFailure.ExitCode, commandLine, exitCode, standardErrorTail,
            $"'{commandLine}' failed with exit code {exitCode.ToString(CultureInfo.InvariantCulture)}. {what}{tail}");
    }

    /// <summary>The exception for a process that ran past <paramref name="timeout"/>.</summary>
    public static ProcessException TimedOut(string commandLine, TimeSpan timeout, string standardErrorTail, string? fix = null)
    {
        var tail = standardErrorTail.Length > 0 ? Environment.NewLine + standardErrorTail : string.Empty;
        return new ProcessException(ProcessFailure.TimedOut, commandLine, null, standardErrorTail,
            $"'{commandLine}' did not finish within {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s and was stopped with every process it started. "
            + (fix ?? "Find out why it hangs (it may be waiting for input or the network), or allow it more time.") + tail);
    }

    /// <summary>The exception for a process that could not be started.</summary>
    public static ProcessException NotStarted(string program, string commandLine, string? workingDirectory, Exception cause)
    {
        var message = workingDirectory is not null && !Directory.Exists(workingDirectory)
            ? $"Cannot run '{commandLine}': its working directory '{workingDirectory}' does not exist. Create it or run the command elsewhere."
            : $"Cannot start '{program}' ({(cause.InnerException ?? cause).Message}). Install it, put it on PATH or give its full path, and make sure it is executable.";
        return new ProcessException(ProcessFailure.NotStarted, commandLine, null, string.Empty, message, cause);
    }
}
