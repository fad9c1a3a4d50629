using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>Runs the repository's tests: its own test command, or every test project of the .NET solution.</summary>
public interface ITest : ICompile
{
    /// <summary>Where TRX files and <c>summary.txt</c> go.</summary>
    AbsolutePath TestResultsDirectory => ArtifactsDirectory / "test-results";

    /// <summary>The command that runs this repository's tests (<c>go test ./...</c>, <c>npm test</c>), run with <c>sh -c</c> at the root.</summary>
    [Parameter("The command that runs this repository's tests, e.g. \"go test ./...\" or \"npm test\" (run with sh -c at the root; default: dotnet test of the solution).")]
    string? TestCommand => TryGetValue<string>();

    /// <summary>
    /// Runs <see cref="TestCommand"/> when it is set; otherwise <c>dotnet test</c> on each test project of the solution,
    /// several at a time, each with a temporary folder of its own that must be empty (and no process of it running) when
    /// it ends; TRX files in <see cref="TestResultsDirectory"/> and the line <c>N passed, N failed</c> (<c>, N skipped</c>
    /// when some are), also written to <c>summary.txt</c>. With neither, it fails and says what to set.
    /// </summary>
    Target Test => _ => _
        .Description("Runs the tests: --test-command, else every test project of the .NET solution side by side; results to artifacts/test-results.")
        .DependsOn(Compile)
        .WhenSkipped(DependencyBehavior.Skip)
        .Produces("artifacts/test-results/*")
        .Executes(context => TestCommand is { Length: > 0 } command ? TestRun.RunCommandAsync(this, command, context) : TestRun.RunAsync(this, context));
}
