using System.Diagnostics;

namespace Pipeline.Containers;

/// <summary>Runs a command line to completion, passing each output line on (secrets masked) and keeping the end of stderr.</summary>
internal static class ToolProcess
{
    private const int TailLines = 40;

    public static async Task<ToolResult> RunAsync(
        CommandLine command,
        IReadOnlyDictionary<string, string> environment,
        IReadOnlyList<SecretValue> secrets,
        IProgress<string>? output,
        CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(command.Program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("Process.Start returned null.");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new ContainerException($"Could not run '{command.Program}' ({exception.Message}); install it or put it on PATH.", exception);
        }

        using (process)
        {
            var tail = new Queue<string>();
            string Redact(string line) => secrets.Aggregate(line, (text, secret) => secret.RedactFrom(text));
            async Task Pump(StreamReader reader, bool keep)
            {
                while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
                {
                    var safe = Redact(line);
                    output?.Report(safe);
                    if (keep)
                    {
                        lock (tail)
                        {
                            tail.Enqueue(safe);
                            if (tail.Count > TailLines)
                            {
                                tail.Dequeue();
                            }
                        }
                    }
                }
            }

            try
            {
                await Task.WhenAll(Pump(process.StandardOutput, false), Pump(process.StandardError, true), process.WaitForExitAsync(cancellationToken)).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            return new ToolResult(process.ExitCode, string.Join(Environment.NewLine, tail));
        }
    }
}

internal sealed record ToolResult(int ExitCode, string StandardErrorTail);
