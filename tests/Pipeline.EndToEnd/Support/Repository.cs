using Pipeline.Tests.Shared;

namespace Pipeline.EndToEnd;

/// <summary>This repository, cloned into a temporary folder so that end-to-end runs start from its committed state.</summary>
internal sealed class RepositoryClone : IDisposable
{
    public RepositoryClone()
    {
        Root = Directory.CreateTempSubdirectory("pipeline-e2e-").FullName;
        Run("git", ["clone", "--quiet", Source, Root], Path.GetTempPath()).ExitCode.Should().Be(0);
    }

    private RepositoryClone(string root) => Root = root;

    /// <summary>
    /// A clean clone whose build project is compiled: a copy of <see cref="CompiledTemplate"/>. <c>cp -a</c> keeps the
    /// modification times that build.sh's fingerprint reads, so <c>./build.sh</c> in the copy starts without compiling.
    /// </summary>
    public static RepositoryClone CompiledCopy()
    {
        var template = CompiledTemplate.Shared.Clone.Root;
        var root = Directory.CreateTempSubdirectory("pipeline-e2e-").FullName;
        var copy = Run("cp", ["-a", template + "/.", root], Path.GetTempPath());
        copy.ExitCode.Should().Be(0, copy.All);
        return new RepositoryClone(root);
    }

    /// <summary>The repository the tests run from (the one holding Pipeline.sln above the test binaries).</summary>
    public static string Source
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

    private static readonly Lazy<string> ChildTemp = new(() => TestTemp.Folder("pipeline-e2e-tmp-"));

    public string Root { get; }

    public ProcessOutcome BuildSh(params string[] arguments) => Run(Path.Combine(Root, "build.sh"), arguments, Root);

    public static ProcessOutcome Run(string file, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment = null)
    {
        // The tests may run inside a CI job: the builds under test must not think they are that job.
        var variables = new[] { "GITHUB_ACTIONS", "GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY", "GITHUB_SHA", "GITHUB_REPOSITORY", "GITHUB_REF_NAME", "CI" }
            .ToDictionary(name => name, string? (_) => null);
        // The dotnet CLI leaves empty folders and NuGet's scratch folder in TMPDIR: the builds under test get a folder of
        // the test run's own, removed when it ends.
        variables["TMPDIR"] = ChildTemp.Value;
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            variables[name] = value;
        }

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

/// <summary>
/// The clean clone of this test run whose build project is compiled by its first <c>./build.sh --help</c>, and that runs
/// nothing else: compiling the build project is the slow part of a clone, so the tests that need a compiled clone start
/// from a copy of this one (<see cref="RepositoryClone.CompiledCopy"/>). Removed when the test run ends.
/// </summary>
internal sealed class CompiledTemplate
{
    private static readonly Lazy<CompiledTemplate> Instance = new(() => new CompiledTemplate(), LazyThreadSafetyMode.ExecutionAndPublication);

    private CompiledTemplate()
    {
        Clone = new RepositoryClone();
        TestTemp.Track(Clone.Root);
        FirstRun = Clone.BuildSh("--help");
        FirstRun.ExitCode.Should().Be(0, "the build project of a clean clone compiles:\n" + FirstRun.All);
    }

    public static CompiledTemplate Shared => Instance.Value;

    public RepositoryClone Clone { get; }

    /// <summary>What the first run in the clean clone printed (it compiled the build project).</summary>
    public ProcessOutcome FirstRun { get; }
}

/// <summary>
/// A compiled clean clone shared by the tests that only read it or write ignored files (the clean-tree check, the
/// README's samples).
/// </summary>
public sealed class CompiledClone : IDisposable
{
    public const string Collection = "Compiled clone";

    internal RepositoryClone Clone { get; } = RepositoryClone.CompiledCopy();

    /// <summary>The first <c>./build.sh --help</c> in the clean clone this one was copied from.</summary>
    internal ProcessOutcome FirstRun => CompiledTemplate.Shared.FirstRun;

    public void Dispose() => Clone.Dispose();
}

[CollectionDefinition(CompiledClone.Collection)]
public sealed class CompiledCloneCollection : ICollectionFixture<CompiledClone>;
