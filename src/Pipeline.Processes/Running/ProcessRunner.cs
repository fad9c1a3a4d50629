using System.ComponentModel;
using System.Text;
using CliWrap;

namespace Pipeline.Processes;

/// <summary>
/// Runs tools: arguments as a list, stdout and stderr lines passed on redacted as they arrive, stdout captured,
/// cancellation and the timeout kill the whole process tree, and a failure is one <see cref="ProcessException"/>.
/// </summary>
public static class ProcessRunner
{
    internal static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Runs <paramref name="request"/> to completion.</summary>
    /// <exception cref="ProcessException">The tool could not start, ran past its timeout, or exited with a code not accepted.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired; the process tree was killed.</exception>
    public static async Task<ProcessResult> RunAsync(ProcessRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var commandLine = request.CommandLine;
        var output = Synchronised(request.Output);
        if (request.EchoCommandLine)
        {
            output?.Invoke("$ " + commandLine);
        }

        var stdout = new MemoryStream();
        var stderr = new StringBuilder();
        var outLines = output is null ? null : new RedactingLineWriter(output);
        var errLines = output is null ? null : new RedactingLineWriter(output);
        var command = Command(request)
            .WithStandardOutputPipe(request.ReadStandardOutput is { } read ? PipeTarget.Create(read) : Capture(PipeTarget.ToStream(stdout), outLines))
            .WithStandardErrorPipe(Capture(PipeTarget.ToStringBuilder(stderr, Utf8), errLines));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (request.Timeout is { } limit)
        {
            timeout.CancelAfter(limit);
        }

        CommandResult result;
        try
        {
            result = await command.ExecuteAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Win32Exception exception)
        {
            throw ProcessException.NotStarted(request.Program, commandLine, request.WorkingDirectory, exception);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && request.Timeout is { } limit2)
        {
            outLines?.Flush();
            errLines?.Flush();
            throw ProcessException.TimedOut(commandLine, limit2, Tail(stderr.ToString(), request.TailLines), request.Fix);
        }

        outLines?.Flush();
        errLines?.Flush();
        var captured = ProcessResult.From(commandLine, result.ExitCode, stdout.ToArray(), SecretRegistry.Shared.Redact(stderr.ToString()));
        if (request.ThrowOnFailure && !request.AcceptedExitCodes.Contains(result.ExitCode))
        {
            throw ProcessException.Exited(commandLine, result.ExitCode, Tail(captured.StandardError, request.TailLines), request.Fix);
        }

        return captured;
    }

    /// <summary>The CliWrap command for a request, without its output pipes.</summary>
    internal static Command Command(ProcessRequest request)
    {
        var command = Cli.Wrap(request.Program)
            .WithArguments(request.Arguments)
            .WithEnvironmentVariables(request.Environment)
            .WithValidation(CommandResultValidation.None)
            .WithStandardInputPipe(request.Input switch
            {
                { Bytes: { } bytes } => PipeSource.FromBytes(bytes),
                { Stream: { } stream } => PipeSource.FromStream(stream),
                _ => PipeSource.Null,
            });
        return request.WorkingDirectory is { } directory ? command.WithWorkingDirectory(directory) : command;
    }

    /// <summary>Lines of stdout and stderr arrive on two threads; the sink sees one at a time.</summary>
    internal static Action<string>? Synchronised(Action<string>? sink)
    {
        if (sink is null)
        {
            return null;
        }

        var gate = new Lock();
        return line =>
        {
            lock (gate)
            {
                sink(line);
            }
        };
    }

    private static PipeTarget Capture(PipeTarget capture, RedactingLineWriter? lines) =>
        lines is null ? capture : PipeTarget.Merge(capture, PipeTarget.ToDelegate(lines.WriteLine, Utf8));

    /// <summary>The last <paramref name="lines"/> lines of <paramref name="text"/>.</summary>
    public static string Tail(string text, int lines)
    {
        var all = text.TrimEnd().Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)).Select(l => l.TrimEnd('\r')));
    }
}
