namespace Pipeline.Rehearsal.GitHub.Git;

/// <summary>Runs the git command line against one bare repository, isolated from user and system configuration.</summary>
internal sealed class GitCli(string gitDirectory)
{
    public string GitDirectory { get; } = gitDirectory;

    public async Task<GitResult> RunAsync(
        IEnumerable<string> arguments,
        byte[]? input = null,
        IReadOnlyDictionary<string, string>? environment = null,
        CancellationToken ct = default)
    {
        string[] all = ["--git-dir=" + GitDirectory, .. arguments];
        var variables = Isolation();
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            variables[key] = value;
        }

        // An input git stops reading early (it exited) is not an error: its exit code and stderr tell why.
        var result = await ProcessRunner.RunAsync(
            new ProcessRequest("git", all) { Environment = variables, Input = input is null ? null : ProcessInput.FromBytes(input), ThrowOnFailure = false },
            ct);
        return new GitResult(result.ExitCode, result.StandardOutputBytes, result.StandardError, all);
    }

    public async Task<string> RunTextAsync(IEnumerable<string> arguments, byte[]? input = null,
        IReadOnlyDictionary<string, string>? environment = null, CancellationToken ct = default)
    {
        var result = await RunAsync(arguments, input, environment, ct);
        return result.EnsureSuccess().Text.TrimEnd('\n');
    }

    /// <summary>The environment that keeps the developer's git configuration, credential helpers and prompts out of every call.</summary>
    internal static Dictionary<string, string?> Isolation() => new(StringComparer.Ordinal)
    {
        ["GIT_CONFIG_NOSYSTEM"] = "1",
        ["GIT_CONFIG_GLOBAL"] = "/dev/null",
        ["GIT_TERMINAL_PROMPT"] = "0",
        ["LC_ALL"] = "C",
        ["GIT_DIR"] = null,
        ["GIT_INDEX_FILE"] = null,
        ["GIT_WORK_TREE"] = null,
    };
}

/// <summary>The outcome of one git invocation.</summary>
internal sealed record GitResult(int ExitCode, byte[] Output, string Error, string[] Arguments)
{
    public string Text => Encoding.UTF8.GetString(Output);

    public GitResult EnsureSuccess() => ExitCode == 0
        ? this
        : throw ProcessException.Exited(CommandLineText.Join("git", Arguments), ExitCode, ProcessRunner.Tail(Error, 20));
}
