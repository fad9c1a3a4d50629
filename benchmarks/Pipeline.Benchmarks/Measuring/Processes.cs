using System.Diagnostics;

namespace Pipeline.Benchmarks.Measuring;

/// <summary>What a finished process left: exit code, output, and how long it ran.</summary>
internal sealed record ProcessOutcome(int ExitCode, string Output, string Error, TimeSpan Elapsed);

/// <summary>
/// The one place the benchmarks start processes (docker, git, node, dotnet, build.sh): arguments as a list, never a
/// shell string, output captured, and a failure that names the command and its error output.
/// </summary>
internal static class Processes
{
    public static async Task<ProcessOutcome> RunAsync(
        string program,
        IEnumerable<string> arguments,
        string? directory = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        bool check = true,
        CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = directory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}; is it installed and on PATH?");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        clock.Stop();
        var outcome = new ProcessOutcome(process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false), clock.Elapsed);
        if (check && outcome.ExitCode != 0)
        {
            throw new BenchmarkException(
                $"{program} {string.Join(' ', start.ArgumentList)} exited with {outcome.ExitCode}: {Tail(outcome.Error.Length > 0 ? outcome.Error : outcome.Output)}");
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
        catch (System.ComponentModel.Win32Exception)
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
