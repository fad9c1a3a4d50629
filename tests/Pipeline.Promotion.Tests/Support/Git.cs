using Pipeline.Tests.Shared;

namespace Pipeline.Promotion.Tests.Support;

/// <summary>Runs the git CLI for test setup and checks, isolated from the machine's git configuration.</summary>
public static class Git
{
    public static async Task<string> RunAsync(string directory, params string[] arguments)
    {
        var (code, output, error) = await TryAsync(directory, arguments);
        return code == 0 ? output : throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed ({code}): {error}");
    }

    public static async Task<(int Code, string Output, string Error)> TryAsync(string directory, params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync(Request(directory, arguments) with { ThrowOnFailure = false });
        return (result.ExitCode, result.StandardOutput.TrimEnd('\n'), result.StandardError);
    }

    public static async Task<byte[]> BytesAsync(string directory, params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync(new ProcessRequest("git", arguments) { WorkingDirectory = directory, ThrowOnFailure = false });
        return result.ExitCode == 0 ? result.StandardOutputBytes : throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {result.StandardError}");
    }

    /// <summary>Feeds a <c>git fast-import</c> stream to a repository: many commits from one process.</summary>
    public static async Task FastImportAsync(string repository, string stream)
    {
        var request = new ProcessRequest("git", ["fast-import", "--quiet"])
        {
            WorkingDirectory = repository,
            Input = ProcessInput.FromText(stream),
            Environment = new Dictionary<string, string?> { ["GIT_CONFIG_NOSYSTEM"] = "1", ["GIT_CONFIG_GLOBAL"] = "/dev/null" },
            ThrowOnFailure = false,
        };
        var result = await ProcessRunner.RunAsync(request);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"git fast-import failed ({result.ExitCode}): {result.StandardError}");
        }
    }

    private static ProcessRequest Request(string directory, string[] arguments) => new("git", arguments)
    {
        WorkingDirectory = directory,
        Environment = new Dictionary<string, string?>
        {
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_CONFIG_GLOBAL"] = "/dev/null",
            ["GIT_AUTHOR_NAME"] = "Test",
            ["GIT_COMMITTER_NAME"] = "Test",
            ["GIT_AUTHOR_EMAIL"] = "test@example.invalid",
            ["GIT_COMMITTER_EMAIL"] = "test@example.invalid",
        },
    };

    /// <summary>A bare repository whose <c>main</c> holds <paramref name="files"/> (or the files of a fixture folder).</summary>
    public static async Task<string> BareRepositoryAsync(string parent, IReadOnlyDictionary<string, string>? files = null, string? fixture = null)
    {
        var bare = Path.Combine(parent, "remote.git");
        var work = Path.Combine(parent, "seed");
        await RunAsync(parent, "init", "-q", "--bare", "-b", "main", bare);
        await RunAsync(parent, "init", "-q", "-b", "main", work);
        if (fixture is not null)
        {
            Fixtures.CopyTo(fixture, work);
        }

        foreach (var (path, text) in files ?? new Dictionary<string, string>())
        {
            var full = Path.Combine(work, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(full, text);
        }

        await RunAsync(work, "add", "-A");
        await RunAsync(work, "-c", "core.autocrlf=false", "commit", "-q", "-m", "Initial commit");
        await RunAsync(work, "push", "-q", bare, "main");
        return bare;
    }

    /// <summary>A commit on <paramref name="branch"/> of a bare repository that changes one file, made from a scratch clone.</summary>
    public static async Task<string> CommitToBareAsync(string bare, string branch, string path, Func<string, string> change, string message)
    {
        var work = TestTemp.Folder("promotion-competitor-");
        try
        {
            await RunAsync(work, "clone", "-q", "-b", branch, bare, ".");
            var full = Path.Combine(work, path);
            await File.WriteAllTextAsync(full, change(await File.ReadAllTextAsync(full)));
            await RunAsync(work, "commit", "-q", "-am", message);
            await RunAsync(work, "push", "-q", "origin", branch);
            return await RunAsync(work, "rev-parse", "HEAD");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
