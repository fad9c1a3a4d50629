using System.Diagnostics;

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
        var info = new ProcessStartInfo("git")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("--git-dir=" + GitDirectory);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        Isolate(info.Environment);
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                info.Environment[key] = value;
            }
        }

        using var process = Process.Start(info)
            ?? throw new InvalidOperationException("Could not start 'git'. Install git and put it on PATH.");
        var stdout = new MemoryStream();
        var stdoutTask = process.StandardOutput.BaseStream.CopyToAsync(stdout, ct);
        var stderrTask = process.StandardError.ReadToEndAsync(ct);
        if (input is not null)
        {
            try
            {
                await process.StandardInput.BaseStream.WriteAsync(input, ct);
            }
            catch (IOException)
            {
                // git exited before reading everything; its exit code and stderr tell why.
            }
        }

        process.StandardInput.Close();
        await Task.WhenAll(stdoutTask, stderrTask);
        await process.WaitForExitAsync(ct);
        return new GitResult(process.ExitCode, stdout.ToArray(), await stderrTask, info.ArgumentList.ToArray());
    }

    public async Task<string> RunTextAsync(IEnumerable<string> arguments, byte[]? input = null,
        IReadOnlyDictionary<string, string>? environment = null, CancellationToken ct = default)
    {
        var result = await RunAsync(arguments, input, environment, ct);
        return result.EnsureSuccess().Text.TrimEnd('\n');
    }

    /// <summary>Keeps the developer's git configuration, credential helpers and prompts out of every call.</summary>
    internal static void Isolate(IDictionary<string, string?> environment)
    {
        environment["GIT_CONFIG_NOSYSTEM"] = "1";
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        environment["GIT_TERMINAL_PROMPT"] = "0";
        environment["LC_ALL"] = "C";
        environment.Remove("GIT_DIR");
        environment.Remove("GIT_INDEX_FILE");
        environment.Remove("GIT_WORK_TREE");
    }
}

/// <summary>The outcome of one git invocation.</summary>
internal sealed record GitResult(int ExitCode, byte[] Output, string Error, string[] Arguments)
{
    public string Text => Encoding.UTF8.GetString(Output);

    public GitResult EnsureSuccess() => ExitCode == 0
        ? this
        : throw new GitCommandException(Arguments, ExitCode, Error);
}

/// <summary>A git command failed; carries the command line, exit code and stderr.</summary>
internal sealed class GitCommandException(string[] arguments, int exitCode, string error)
    : Exception($"git {string.Join(' ', arguments)} exited with {exitCode}: {error.Trim()}")
{
    public int ExitCode { get; } = exitCode;

    public string Error { get; } = error;
}
