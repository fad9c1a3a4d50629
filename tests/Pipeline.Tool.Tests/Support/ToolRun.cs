using Pipeline.Processes;

namespace Pipeline.Tool.Tests;

/// <summary>Runs the <c>pipeline</c> command in-process in a temporary git repository, with a clean environment and captured output.</summary>
internal sealed class ToolRun : IDisposable
{
    public ToolRun()
    {
        Root = Directory.CreateTempSubdirectory("pipeline-tool-").FullName;
        foreach (var name in new[] { "PATH", "HOME", "DOCKER_HOST", "XDG_CACHE_HOME" })
        {
            if (System.Environment.GetEnvironmentVariable(name) is { } value)
            {
                Environment[name] = value;
            }
        }
    }

    public string Root { get; }

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public string Output { get; private set; } = "";

    public string Error { get; private set; } = "";

    public int Run(params string[] args) => RunIn(Root, args);

    public int RunIn(string directory, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Program.Run(args, output, error, directory, Environment);
        Output = output.ToString();
        Error = error.ToString();
        return code;
    }

    /// <summary>Copies a folder of this repository's <c>samples/</c> into the root.</summary>
    public string CopySample(string name, string? into = null)
    {
        var source = Path.Combine(RepositoryRoot, "samples", name);
        var target = Path.Combine(Root, into ?? name);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith("rootfs", StringComparison.Ordinal) || relative.StartsWith("artifacts", StringComparison.Ordinal) || relative.Contains(Path.Combine(".nuke", "temp"), StringComparison.Ordinal))
            {
                continue;
            }

            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(destination, File.GetUnixFileMode(file));
            }
        }
        return target;
    }

    public static (int ExitCode, string Output) Shell(string directory, string file, params string[] arguments)
    {
        var request = new ProcessRequest(file, arguments) { WorkingDirectory = directory, ThrowOnFailure = false }
            .WithEnvironment("GIT_CONFIG_NOSYSTEM", "1")
            .WithEnvironment("GIT_AUTHOR_NAME", "Test").WithEnvironment("GIT_COMMITTER_NAME", "Test")
            .WithEnvironment("GIT_AUTHOR_EMAIL", "test@example.com").WithEnvironment("GIT_COMMITTER_EMAIL", "test@example.com");
        var result = ProcessRunner.RunAsync(request).GetAwaiter().GetResult();
        return (result.ExitCode, result.StandardOutput + result.StandardError);
    }

    /// <summary>Makes <paramref name="directory"/> a git repository with one commit of its files, as a team's clone would be.</summary>
    public static void Commit(string directory)
    {
        Shell(directory, "git", "init", "-q", "-b", "main").ExitCode.Should().Be(0);
        Shell(directory, "git", "add", "-A").ExitCode.Should().Be(0);
        Shell(directory, "git", "commit", "-q", "-m", "hello-service").ExitCode.Should().Be(0);
    }

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string RepositoryRoot
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Pipeline.sln")))
                {
                    return directory.FullName;
                }
            }
            throw new InvalidOperationException("No Pipeline.sln above " + AppContext.BaseDirectory);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>A test that needs a running Docker engine: skipped with the reason when there is none, unless PIPELINE_REQUIRE_DOCKER=1.</summary>
public sealed class DockerFactAttribute : FactAttribute
{
    public DockerFactAttribute()
    {
        if (System.Environment.GetEnvironmentVariable("PIPELINE_REQUIRE_DOCKER") == "1")
        {
            return;
        }

        int exitCode;
        try
        {
            exitCode = ToolRun.Shell(Path.GetTempPath(), "docker", "info", "--format", "{{.ServerVersion}}").ExitCode;
        }
        catch (ProcessException exception) when (exception.Failure == ProcessFailure.NotStarted)
        {
            exitCode = -1;
        }
        if (exitCode != 0)
        {
            Skip = "No Docker engine answers `docker info`; start one (or set PIPELINE_REQUIRE_DOCKER=1 to fail instead of skipping).";
        }
    }
}
