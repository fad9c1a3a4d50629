using System.Xml.Linq;
using Pipeline.Targets;

namespace Pipeline.Components;

internal static class TestRun
{
    /// <summary>The repository's own test command, through the shell, at the root; its exit code decides.</summary>
    public static async Task RunCommandAsync(ITest build, string command, TargetContext context)
    {
        var results = build.TestResultsDirectory;
        if (results.DirectoryExists())
        {
            Directory.Delete(results, recursive: true);
        }

        results.CreateDirectory();
        Log.Information($"Running the test command: {command}");
        var run = await ProcessRunner.RunAsync(new ProcessRequest("sh", ["-c", command]) { WorkingDirectory = build.RootDirectory, ThrowOnFailure = false, Output = Log.Information }, context.CancellationToken).ConfigureAwait(false);
        var outcome = run.ExitCode == 0 ? "passed" : $"failed (exit code {run.ExitCode})";
        await File.WriteAllTextAsync(results / "summary.txt", $"{command}: {outcome}\n", context.CancellationToken).ConfigureAwait(false);
        context.Report("tests", $"test command {outcome}");
        context.SetOutput("tests", outcome);
        if (run.ExitCode != 0)
        {
            throw new BuildException($"The test command failed with exit code {run.ExitCode}: {command} (its output is above).");
        }
    }

    /// <summary>
    /// <c>dotnet test</c> on each test project of the solution, several at a time (the longest of the previous run first),
    /// each with a temporary folder of its own that must be empty when it ends; the solution as one run when it lists no
    /// test project that can be recognised.
    /// </summary>
    public static async Task RunAsync(ITest build, TargetContext context)
    {
        var solution = build.Solution ?? throw new BuildException(
            $"Nothing to test in {build.RootDirectory}: there is no test command and no .NET solution (*.sln). Set the command that runs this repository's tests " +
            "with --test-command \"go test ./...\" (or the environment variable TEST_COMMAND, or \"TestCommand\" in .nuke/parameters.json), or leave the tests out with --skip Test.");
        var results = build.TestResultsDirectory;
        var previous = ProjectRuns.ReadDurations(results);
        if (results.DirectoryExists())
        {
            Directory.Delete(results, recursive: true);
        }

        results.CreateDirectory();
        var projects = TestProjects.Find(solution) is { Count: > 0 } found ? found : [new TestProject(solution.Name, solution)];

        var outcomes = await ProjectRuns.RunAsync(projects, previous, (project, projectResults, temporary) => new ProcessRequest("dotnet",
        [
            "test", project.File, "-c", build.Configuration.ToString(), "--no-build", "-nologo",
            "--logger", "trx;LogFilePrefix=tests", "--results-directory", projectResults, "--settings", TemporaryFolderSettings(temporary),
        ])
        { WorkingDirectory = build.RootDirectory, ThrowOnFailure = false }, results, context).ConfigureAwait(false);
        await Conclude(build, context, outcomes).ConfigureAwait(false);
    }

    /// <summary>
    /// Run settings that give the test host <paramref name="temporary"/> as <c>TMPDIR</c>, written beside that folder.
    /// (<c>dotnet test --environment</c> would also set it for the dotnet CLI itself, which leaves folders of its own there.)
    /// The .NET runtime's debugger pipes and diagnostic socket are turned off: they stay in TMPDIR when a .NET process is
    /// killed (a test host the test platform ends, a build a test cancels), which is no leftover of the tests.
    /// </summary>
    private static string TemporaryFolderSettings(string temporary)
    {
        var file = temporary + ".runsettings";
        new XElement("RunSettings", new XElement("RunConfiguration", new XElement("EnvironmentVariables",
            new XElement("TMPDIR", temporary),
            new XElement("DOTNET_EnableDiagnostics", "0")))).Save(file);
        return file;
    }

    /// <summary>Totals, <c>summary.txt</c>, the closing line <c>N passed, N failed</c>, and the failure that says what went wrong.</summary>
    internal static async Task Conclude(ITest build, TargetContext context, IReadOnlyList<ProjectOutcome> outcomes)
    {
        var results = build.TestResultsDirectory;
        foreach (var silent in outcomes.Where(o => o.WithoutResults))
        {
            Log.Error($"{silent.Name} left no test results: its test run was aborted (the test host crashed or was killed; see above). It counts as one failure.");
        }

        var counts = outcomes.Aggregate(new TestCounts(0, 0, 0), (sum, o) => new TestCounts(sum.Passed + o.Counts.Passed, sum.Failed + o.Counts.Failed + (o.WithoutResults ? 1 : 0), sum.Skipped + o.Counts.Skipped));
        context.Report("tests", counts.ToString());
        context.SetOutput("tests", counts.ToString());
        await File.WriteAllTextAsync(results / "summary.txt", counts + "\n", context.CancellationToken).ConfigureAwait(false);
        await ProjectRuns.WriteDurationsAsync(results, outcomes, context.CancellationToken).ConfigureAwait(false);
        Log.Information(counts.ToString());
        if (counts.Failed > 0)
        {
            throw new BuildException($"{counts.Failed} test(s) failed; the TRX files in {results.RelativeTo(build.RootDirectory)} have the details.");
        }

        if (outcomes.FirstOrDefault(o => o.ExitCode != 0) is { } failed)
        {
            throw new BuildException(counts.Total == 0 ? $"dotnet test exited with code {failed.ExitCode} before running any test (see its output above)." : $"dotnet test of {failed.Name} exited with code {failed.ExitCode}.");
        }

        if (outcomes.Where(o => o.LeftoverEntries.Count + o.LeftoverProcesses.Count > 0).Select(o => o.Name).ToList() is { Count: > 0 } untidy)
        {
            throw new BuildException($"{string.Join(", ", untidy)} left temporary files or processes behind (listed above): every test and fixture must remove the folders and files it creates and stop the processes it starts.");
        }
    }
}
