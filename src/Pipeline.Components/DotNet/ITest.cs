using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>Runs every test project of the solution.</summary>
public interface ITest : ICompile
{
    /// <summary>Where TRX files and <c>summary.txt</c> go.</summary>
    AbsolutePath TestResultsDirectory => ArtifactsDirectory / "test-results";

    /// <summary>
    /// Runs <c>dotnet test</c> on the solution, writes TRX files to <see cref="TestResultsDirectory"/>, and ends with
    /// the line <c>N passed, N failed</c> (<c>, N skipped</c> when some are), also written to <c>summary.txt</c>.
    /// </summary>
    Target Test => _ => _
        .Description("Runs every test project; results to artifacts/test-results.")
        .DependsOn(Compile)
        .WhenSkipped(DependencyBehavior.Skip)
        .Produces("artifacts/test-results/*.trx")
        .Executes(context => TestRun.RunAsync(this, context));
}
