using System.Diagnostics;

namespace Pipeline.Benchmarks.Measuring;

/// <summary>What a finished process left: exit code, output, and how long it ran.</summary>
internal sealed record ProcessOutcome(int ExitCode, string Output, string Error, TimeSpan Elapsed);

/// <summary>
/// The one place the benchmarks start processes (docker, git, node, dotnet, build.sh): arguments as a list, never a
/// shell string, output captured, and a failure that names the command and its error output.
/// </summary>
internal static class ProcessRuns
{
    public static async Task<ProcessOutcome> RunAsync(
        string program,
        IEnumerable<string> arguments,
        string? directory = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        bool check = true,
        CancellationToken cancellationToken = default)
    {
        var request = new ProcessRequest(program, [.. arguments])
        {
            WorkingDirectory = directory ?? Environment.CurrentDirectory,
            Environment = environment ?? new Dictionary<string, string?>(),
            ThrowOnFailure = false,
        };
        var clock = Stopwatch.StartNew();
        ProcessResult result;
        try
        {
            result = await ProcessRunner.RunAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ProcessException exception)
        {
            throw new BenchmarkException(exception.Message);
        }

        clock.Stop();
        var outcome = new ProcessOutcome(result.ExitCode, result.StandardOutput, result.StandardError, clock.Elapsed);
        if (check && outcome.ExitCode != 0)
        {
            throw new BenchmarkException(
                $"{result.CommandLine} exited with {outcome.ExitCode}: {Tail(outcome.Error.Length > 0 ? outcome.Error : outcome.Output)}");
        }

        return outcome;
    }

    /// <summary>The trimmed output of a command that must succeed, or null when it fails or is not installed.</summary>
    public static async Task<string?> TryReadAsync(string program, params string[] arguments)
    {
        try
        {
            var outcome = await RunAsync(program, arguments, check: false).ConfigureAwait(false);
            return outcome.ExitCode == 0 ? outcome.Output.Trim() : null;
        }
        catch (BenchmarkException)
        {
            return null;
        }
    }

    private static string Tail(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= 2000 ? trimmed : "..." + trimmed[^2000..];
    }
}
