using System.Diagnostics;
using System.Text;
using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>
/// The temporary folder one test project runs with: <c>TMPDIR</c> of its test host and of every process its tests start.
/// A fresh folder per project makes whatever is left in it afterwards that project's leftover, and marks the processes it
/// started: one still running with this <c>TMPDIR</c> after the tests ended was never stopped.
/// </summary>
internal sealed class TestScratch(string path)
{
    /// <summary>The folder; empty when the project starts.</summary>
    public string Path { get; } = path;

    public static TestScratch Create(string root, string name) =>
        new(Directory.CreateDirectory(System.IO.Path.Combine(root, name)).FullName);

    /// <summary>The names of the files and folders the tests left, in order.</summary>
    public IReadOnlyList<string> Leftovers() =>
        Directory.Exists(Path)
            ? Directory.EnumerateFileSystemEntries(Path).Select(System.IO.Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>
    /// Stops the processes that still run with this folder as their <c>TMPDIR</c> (a registry, a server, a daemon a test
    /// started and never stopped), after a few seconds' grace for those already on their way out; returns what they ran.
    /// </summary>
    public async Task<IReadOnlyList<string>> StopLeftoverProcessesAsync(TimeSpan grace)
    {
        var stopped = new List<string>();
        foreach (var process in Running())
        {
            using (process)
            {
                var command = CommandLine(process.Id);
                using var timeout = new CancellationTokenSource(grace);
                try
                {
                    await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
                    continue;
                }
                catch (OperationCanceledException)
                {
                }
                catch (InvalidOperationException)
                {
                    continue;
                }

                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                }
                stopped.Add($"{process.Id} {command}");
            }
        }
        return stopped;
    }

    /// <summary>Removes the folder and everything in it.</summary>
    public void Delete()
    {
        try
        {
            if (Directory.Exists(Path))
            {
                Directory.Delete(Path, recursive: true);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Log.Warning($"Could not remove the test's temporary folder {Path}: {exception.Message}");
        }
    }

    /// <summary>The processes whose environment has <c>TMPDIR</c> set to this folder (Linux: /proc; elsewhere none are found).</summary>
    private List<Process> Running()
    {
        var found = new List<Process>();
        if (!Directory.Exists("/proc"))
        {
            return found;
        }

        var marker = Encoding.UTF8.GetBytes($"TMPDIR={Path}\0");
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(System.IO.Path.GetFileName(folder), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                var environment = File.ReadAllBytes(System.IO.Path.Combine(folder, "environ"));
                if (StartsEntry(environment, marker))
                {
                    found.Add(Process.GetProcessById(pid));
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
            {
                // Gone in the meantime, or not ours to read.
            }
        }
        return found;
    }

    private static bool StartsEntry(byte[] environment, byte[] marker)
    {
        var span = environment.AsSpan();
        for (var at = span.IndexOf(marker); at >= 0; at = span.IndexOf(marker))
        {
            var start = environment.Length - span.Length + at;
            if (start == 0 || environment[start - 1] == 0)
            {
                return true;
            }

            span = span[(at + 1)..];
        }
        return false;
    }

    private static string CommandLine(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
            return text.Length > 160 ? text[..160] + "…" : text;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return "(exited)";
        }
    }
}
