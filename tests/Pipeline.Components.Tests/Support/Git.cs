namespace Pipeline.Components.Tests.Support;

/// <summary>The git command line in a test repository, isolated from the user's and the machine's git configuration.</summary>
internal static class Git
{
    public static async Task<string> RunAsync(string directory, params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync(new ProcessRequest("git", arguments)
        {
            WorkingDirectory = directory,
            Environment = new Dictionary<string, string?>
            {
                ["GIT_CONFIG_GLOBAL"] = "/dev/null",
                ["GIT_CONFIG_NOSYSTEM"] = "1",
                ["GIT_AUTHOR_NAME"] = "Test",
                ["GIT_AUTHOR_EMAIL"] = "test@example.com",
                ["GIT_COMMITTER_NAME"] = "Test",
                ["GIT_COMMITTER_EMAIL"] = "test@example.com",
            },
        });
        return result.StandardOutput.Trim();
    }

    /// <summary>A repository on branch <c>main</c> with one commit whose subject is <paramref name="subject"/>.</summary>
    public static async Task InitAsync(string directory, string subject)
    {
        await RunAsync(directory, "init", "--quiet", "--initial-branch", "main");
        await File.WriteAllTextAsync(Path.Combine(directory, ".gitignore"), ".nuke/\nartifacts/\n");
        await File.WriteAllTextAsync(Path.Combine(directory, "README.md"), "test\n");
        await RunAsync(directory, "add", "-A");
        await RunAsync(directory, "commit", "--quiet", "-m", subject);
    }
}
