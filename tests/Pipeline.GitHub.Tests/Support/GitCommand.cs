namespace Pipeline.GitHub.Tests.Support;

/// <summary>Runs the git command line against a bare repository and returns its output.</summary>
public static class GitCommand
{
    public static async Task<string> RunAsync(string gitDirectory, params string[] arguments)
    {
        var request = new ProcessRequest("git", ["--git-dir=" + gitDirectory, .. arguments])
        {
            Environment = new Dictionary<string, string?> { ["GIT_CONFIG_NOSYSTEM"] = "1", ["HOME"] = Path.GetTempPath() },
        };
        return (await ProcessRunner.RunAsync(request)).Text;
    }
}
