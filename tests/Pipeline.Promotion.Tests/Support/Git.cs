using System.Diagnostics;

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
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_AUTHOR_NAME"] = start.Environment["GIT_COMMITTER_NAME"] = "Test";
        start.Environment["GIT_AUTHOR_EMAIL"] = start.Environment["GIT_COMMITTER_EMAIL"] = "test@example.invalid";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await output).TrimEnd('\n'), await error);
    }

    public static async Task<byte[]> BytesAsync(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var buffer = new MemoryStream();
        await process.StandardOutput.BaseStream.CopyToAsync(buffer);
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? buffer.ToArray() : throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {error}");
    }

    /// <summary>Feeds a <c>git fast-import</c> stream to a repository: many commits from one process.</summary>
    public static async Task FastImportAsync(string repository, string stream)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = repository, RedirectStandardInput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("fast-import");
        start.ArgumentList.Add("--quiet");
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(stream);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git fast-import failed ({process.ExitCode}): {await error}");
        }
    }

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
        var work = Directory.CreateTempSubdirectory("promotion-competitor-").FullName;
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
