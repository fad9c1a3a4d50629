using Pipeline.Tests.Shared;

namespace Pipeline.Targets.Tests;

/// <summary>./build.sh run as a process from a clean clone of this repository (its committed state).</summary>
public sealed class BootstrapTests : IDisposable
{
    private readonly string _clone = TestTemp.Folder("pipeline-clone-");

    public BootstrapTests()
    {
        Run("git", ["clone", "--quiet", RepositoryRoot(), _clone], Path.GetTempPath()).ExitCode.Should().Be(0);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_clone, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public void Build_sh_compiles_once_then_starts_the_compiled_build_directly_and_recompiles_after_a_change()
    {
        var first = Run(Path.Combine(_clone, "build.sh"), ["--help"]);
        first.ExitCode.Should().Be(0, first.All);
        first.Error.Should().Contain("Compiling the build project");
        first.Output.Should().Contain("Targets (").And.Contain("Compile").And.Contain("--package-version");

        var second = Run(Path.Combine(_clone, "build.sh"), ["--help"]);
        second.ExitCode.Should().Be(0, second.All);
        second.Error.Should().NotContain("Compiling");

        File.AppendAllText(Path.Combine(_clone, "src", "Pipeline.Targets", "AbsolutePathExtra.cs"), "namespace Pipeline.Targets; internal static class Extra { }\n");
        var third = Run(Path.Combine(_clone, "build.sh"), ["--help"]);
        third.ExitCode.Should().Be(0, third.All);
        third.Error.Should().Contain("Compiling the build project");

        var plan = Run(Path.Combine(_clone, "build.sh"), ["--plan", "Test"]);
        plan.ExitCode.Should().Be(0, plan.All);
        plan.Output.Should().Contain("1. Compile").And.Contain(". Test ").And.Contain("Compile --> Test");

        var wrong = Run(Path.Combine(_clone, "build.sh"), ["Pakc"]);
        wrong.ExitCode.Should().Be(2);
        wrong.Output.Should().Contain("Target 'Pakc' does not exist. Did you mean 'Pack'?");
    }

    [Fact]
    public void Build_sh_names_the_sdk_global_json_asks_for_when_it_is_missing()
    {
        var globalJson = Path.Combine(_clone, "global.json");
        File.WriteAllText(globalJson, File.ReadAllText(globalJson).Replace("\"10.0.100\"", "\"99.0.100\"", StringComparison.Ordinal));

        var result = Run(Path.Combine(_clone, "build.sh"), ["--help"]);

        result.ExitCode.Should().NotBe(0);
        result.Error.Should().Contain("needs the .NET SDK 99.0.100").And.Contain("https://dotnet.microsoft.com/download/dotnet/99.0");
        Directory.Exists(Path.Combine(_clone, ".nuke", "temp", "build")).Should().BeFalse("nothing is written when the SDK is missing");
    }

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Pipeline.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("The repository root (with Pipeline.sln) was not found above " + AppContext.BaseDirectory);
    }

    private ProcessOutcome Run(string file, string[] arguments, string? workingDirectory = null)
    {
        var request = new ProcessRequest(file, arguments)
        {
            WorkingDirectory = workingDirectory ?? _clone,
            ThrowOnFailure = false,
            Environment = new[] { "GITHUB_ACTIONS", "GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY", "CI" }.ToDictionary(name => name, string? (_) => null),
        };
        // The dotnet CLI leaves empty folders and NuGet's scratch folder in TMPDIR: the clone holds them.
        if (workingDirectory is null)
        {
            request = request.WithEnvironment("TMPDIR", Directory.CreateDirectory(Path.Combine(_clone, ".nuke", "temp", "tmp")).FullName);
        }

        var result = ProcessRunner.RunAsync(request).GetAwaiter().GetResult();
        return new ProcessOutcome(result.ExitCode, result.StandardOutput, result.StandardError);
    }

    private sealed record ProcessOutcome(int ExitCode, string Output, string Error)
    {
        public string All => Output + Error;
    }
}
