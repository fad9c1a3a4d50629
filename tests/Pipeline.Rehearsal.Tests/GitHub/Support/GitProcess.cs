using System.Diagnostics;

namespace Pipeline.Rehearsal.Tests.GitHub.Support;

/// <summary>Runs the git command line in a working folder, isolated from the user's configuration.</summary>
public static class GitProcess
{
    public static async Task<(int ExitCode, string Output, string Error)> TryRunAsync(string workingDirectory,
        params string[] arguments)
    {
        var info = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        info.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        info.Environment["GIT_TERMINAL_PROMPT"] = "0";
        info.Environment["GIT_AUTHOR_NAME"] = "Tester";
        info.Environment["GIT_AUTHOR_EMAIL"] = "tester@example.com";
        info.Environment["GIT_COMMITTER_NAME"] = "Tester";
        info.Environment["GIT_COMMITTER_EMAIL"] = "tester@example.com";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await output).TrimEnd(), await error);
    }

    public static async Task<string> RunAsync(string workingDirectory, params string[] arguments)
    {
        var (exitCode, output, error) = await TryRunAsync(workingDirectory, arguments);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed ({exitCode}): {error}");
        }

        return output;
    }

    /// <summary>The <c>-c http.extraHeader=...</c> arguments that authenticate git against the server with a token.</summary>
    public static string[] AuthArguments(string token) =>
        ["-c", "http.extraHeader=Authorization: Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("x-access-token:" + token))];
}
