using System.Diagnostics;
using System.Text;

namespace Pipeline.Targets;

/// <summary>Runs processes for targets: output streamed to the build log, secrets redacted, the tree killed on cancellation.</summary>
public static class ProcessRunner
{
    /// <summary>Runs a process to completion.</summary>
    public static async Task<ProcessResult> RunAsync(ProcessRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var start = new ProcessStartInfo(request.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = request.WorkingDirectory ?? Directory.GetCurrentDirectory(),
        };
        foreach (var argument in request.Arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in request.Environment)
        {
            if (value is null)
                start.Environment.Remove(name);
            else
                start.Environment[name] = value;
        }

        Log.Debug("> " + request.CommandLine);
        using var process = new Process { StartInfo = start };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var outputDone = new TaskCompletionSource();
        var errorDone = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) =>
        {
            Receive(e.Data, stdout, outputDone, request);
            if (e.Data is { } line)
                request.OnOutputLine?.Invoke(line);
        };
        process.ErrorDataReceived += (_, e) => Receive(e.Data, stderr, errorDone, request);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new BuildException($"Cannot start '{request.FileName}': {exception.Message}. Is it installed and on PATH?", exception);
        }
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        await Task.WhenAll(outputDone.Task, errorDone.Task).ConfigureAwait(false);

        var result = new ProcessResult(process.ExitCode, stdout.ToString(), stderr.ToString());
        if (result.ExitCode != 0 && request.ThrowOnFailure)
            throw new ProcessException(request.CommandLine, result.ExitCode, Tail(request.Redact(result.StandardError), 20));
        return result;
    }

    private static void Receive(string? line, StringBuilder buffer, TaskCompletionSource done, ProcessRequest request)
    {
        if (line is null)
        {
            done.TrySetResult();
            return;
        }
        lock (buffer)
            buffer.AppendLine(line);
        if (request.LogOutput)
            Log.Information(request.Redact(line));
    }

    private static string Tail(string text, int lines)
    {
        var all = text.TrimEnd().Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }
}
