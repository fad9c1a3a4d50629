using System.Text;

namespace Pipeline.Processes;

/// <summary>What a finished process left behind.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="StandardOutput">Everything written to stdout, as UTF-8 text (data: not redacted).</param>
/// <param name="StandardError">Everything written to stderr, redacted.</param>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>The command line that ran, redacted.</summary>
    public string CommandLine { get; init; } = string.Empty;

    /// <summary>Stdout as bytes (for binary output such as <c>git cat-file blob</c>).</summary>
    public byte[] StandardOutputBytes { get; init; } = [];

    /// <summary>Stdout without the line break at its end, as most tools print one value.</summary>
    public string Text => StandardOutput.TrimEnd('\n', '\r');

    /// <summary>The last <paramref name="lines"/> lines of stderr (redacted).</summary>
    public string ErrorTail(int lines = 20) => ProcessRunner.Tail(StandardError, lines);

    internal static ProcessResult From(string commandLine, int exitCode, byte[] stdout, string stderr) =>
        new(exitCode, Encoding.UTF8.GetString(stdout), stderr) { CommandLine = commandLine, StandardOutputBytes = stdout };
}
