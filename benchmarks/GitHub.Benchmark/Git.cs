using System.Diagnostics;

namespace Pipeline.GitHub.Benchmark;

/// <summary>Reads the bare repositories with the git command line, to check what each path wrote.</summary>
internal static class Git
{
    public static async Task<string> RunAsync(string gitDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("--git-dir=" + gitDirectory);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? output.TrimEnd('\n')
            : throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {await process.StandardError.ReadToEndAsync()}");
    }
}
