namespace Pipeline.GitHub.Benchmark;

/// <summary>Reads the bare repositories with the git command line, to check what each path wrote.</summary>
internal static class Git
{
    public static async Task<string> RunAsync(string gitDirectory, params string[] arguments) =>
        (await ProcessRunner.RunAsync(new ProcessRequest("git", ["--git-dir=" + gitDirectory, .. arguments]))).Text;
}
