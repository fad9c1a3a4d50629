namespace Pipeline.EndToEnd;

/// <summary>This repository, cloned into a temporary folder so that end-to-end runs start from its committed state.</summary>
internal sealed class RepositoryClone : IDisposable
{
    public RepositoryClone()
    {
        Root = Directory.CreateTempSubdirectory("pipeline-e2e-").FullName;
        Run("git", ["clone", "--quiet", Source, Root], Path.GetTempPath()).ExitCode.Should().Be(0);
    }

    /// <summary>The repository the tests run from (the one holding Pipeline.sln above the test binaries).</summary>
    public static string Source
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Pipeline.sln")))
                    return directory.FullName;
            }
            throw new InvalidOperationException("No Pipeline.sln above " + AppContext.BaseDirectory);
        }
    }

    public string Root { get; }

    public ProcessOutcome BuildSh(params string[] arguments) => Run(Path.Combine(Root, "build.sh"), arguments, Root);

    public static ProcessOutcome Run(string file, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        // The tests may run inside a CI job: the builds under test must not think they are that job.
        var variables = new[] { "GITHUB_ACTIONS", "GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY", "GITHUB_SHA", "GITHUB_REPOSITORY", "GITHUB_REF_NAME", "CI" }
            .ToDictionary(name => name, string? (_) => null);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
            variables[name] = value;
        var request = new ProcessRequest(file, [.. arguments]) { WorkingDirectory = workingDirectory, Environment = variables, ThrowOnFailure = false };
        var result = ProcessRunner.RunAsync(request).GetAwaiter().GetResult();
        return new ProcessOutcome(result.ExitCode, result.StandardOutput, result.StandardError);
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

/// <summary>What a finished process printed.</summary>
internal sealed record ProcessOutcome(int ExitCode, string Output, string Error)
{
    public string All => Output + Error;

    public string[] Lines => Output.TrimEnd('\n').Split('\n');
}
