namespace Pipeline.Rehearsal.Tests.GitHub.Support;

/// <summary>Runs the git command line in a working folder, isolated from the user's configuration.</summary>
public static class GitProcess
{
    public static async Task<(int ExitCode, string Output, string Error)> TryRunAsync(string workingDirectory,
        params string[] arguments)
    {
        var request = new ProcessRequest("git", arguments)
        {
            WorkingDirectory = workingDirectory,
            Environment = new Dictionary<string, string?>
            {
                ["GIT_CONFIG_NOSYSTEM"] = "1",
                ["GIT_CONFIG_GLOBAL"] = "/dev/null",
                ["GIT_TERMINAL_PROMPT"] = "0",
                ["GIT_AUTHOR_NAME"] = "Tester",
                ["GIT_AUTHOR_EMAIL"] = "tester@example.com",
                ["GIT_COMMITTER_NAME"] = "Tester",
                ["GIT_COMMITTER_EMAIL"] = "tester@example.com",
            },
            ThrowOnFailure = false,
        };
        var result = await ProcessRunner.RunAsync(request);
        return (result.ExitCode, result.StandardOutput.TrimEnd(), result.StandardError);
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
