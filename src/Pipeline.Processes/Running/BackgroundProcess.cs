using System.ComponentModel;
using CliWrap;

namespace Pipeline.Processes;

/// <summary>
/// A long-running process (a daemon, a server) started by <see cref="Launch"/>: its lines go, redacted, to a log
/// file and to <see cref="ProcessRequest.Output"/>. <see cref="StopAsync"/> stops this process by its id: SIGTERM
/// first so it can shut down cleanly (an interrupt on Windows), then, after the grace period, a kill of its whole tree.
/// </summary>
public sealed class BackgroundProcess : IAsyncDisposable
{
    private readonly CancellationTokenSource _interrupt;
    private readonly CancellationTokenSource _kill;
    private readonly Task<CommandResult> _run;

    private BackgroundProcess(int id, string commandLine, Task<CommandResult> run, CancellationTokenSource interrupt, CancellationTokenSource kill)
    {
        Id = id;
        CommandLine = commandLine;
        _run = run;
        _interrupt = interrupt;
        _kill = kill;
    }

    /// <summary>The process id.</summary>
    public int Id { get; }

    /// <summary>The command line, redacted.</summary>
    public string CommandLine { get; }

    /// <summary>True once the process has exited and its output is written.</summary>
    public bool HasExited => _run.IsCompleted;

    /// <summary>The exit code once exited (null while running, or when it was stopped).</summary>
    public int? ExitCode => !_stopping && _run.IsCompletedSuccessfully ? _run.Result.ExitCode : null;

    private volatile bool _stopping;

    /// <summary>Starts <paramref name="request"/> and returns at once; output lines are appended to <paramref name="logPath"/> when given.</summary>
    /// <exception cref="ProcessException">The program could not be started.</exception>
    public static BackgroundProcess Launch(ProcessRequest request, string? logPath = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var log = logPath is null ? null : new StreamWriter(logPath, append: true) { AutoFlush = true };
        var sink = ProcessRunner.Synchronised(line =>
        {
            log?.WriteLine(line);
            request.Output?.Invoke(line);
        })!;
        var outLines = new RedactingLineWriter(sink);
        var errLines = new RedactingLineWriter(sink);
        var command = ProcessRunner.Command(request)
            .WithStandardOutputPipe(PipeTarget.ToDelegate(outLines.WriteLine, ProcessRunner.Utf8))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(errLines.WriteLine, ProcessRunner.Utf8));
        var interrupt = new CancellationTokenSource();
        var kill = new CancellationTokenSource();
        CommandTask<CommandResult> task;
        try
        {
            task = command.ExecuteAsync(kill.Token, interrupt.Token);
        }
        catch (Win32Exception exception)
        {
            log?.Dispose();
            interrupt.Dispose();
            kill.Dispose();
            throw ProcessException.NotStarted(request.Program, request.CommandLine, request.WorkingDirectory, exception);
        }

        // The log closes when both streams have ended, which comes after the process exits.
        return new BackgroundProcess(task.ProcessId, request.CommandLine, Finish(task.Task, outLines, errLines, log), interrupt, kill);
    }

    /// <summary>Sends SIGTERM (an interrupt on Windows), waits up to <paramref name="grace"/> for the process to exit, then kills its tree.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (!HasExited)
        {
            _stopping = true;
            if (!Signals.Terminate(Id))
            {
                await _interrupt.CancelAsync().ConfigureAwait(false);
            }

            using var waited = new CancellationTokenSource(grace);
            try
            {
                await _run.WaitAsync(waited.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (waited.IsCancellationRequested)
            {
                await _kill.CancelAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopped, as asked.
            }
        }

        try
        {
            await _run.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped, as asked.
        }
    }

    /// <summary>Stops the process (5 s grace) if it still runs.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        _interrupt.Dispose();
        _kill.Dispose();
    }

    private static async Task<CommandResult> Finish(Task<CommandResult> run, RedactingLineWriter outLines, RedactingLineWriter errLines, StreamWriter? log)
    {
        try
        {
            return await run.ConfigureAwait(false);
        }
        finally
        {
            outLines.Flush();
            errLines.Flush();
            if (log is not null)
            {
                await log.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
