using System.Diagnostics;
using System.Globalization;
using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>How one test project's run ended.</summary>
/// <param name="Name">The project.</param>
/// <param name="Counts">Its tests, from its TRX files.</param>
/// <param name="Duration">Wall time of its run.</param>
/// <param name="ExitCode">The exit code of its <c>dotnet test</c>.</param>
/// <param name="WithoutResults">True when it started but wrote no TRX file (a crashed test host).</param>
/// <param name="LeftoverEntries">Files and folders its tests left in their temporary folder.</param>
/// <param name="LeftoverProcesses">Processes its tests started and left running (stopped since).</param>
internal sealed record ProjectOutcome(
    string Name, TestCounts Counts, TimeSpan Duration, int ExitCode, bool WithoutResults, IReadOnlyList<string> LeftoverEntries, IReadOnlyList<string> LeftoverProcesses);

/// <summary>
/// Runs test projects side by side. Test projects share no state (each runs in its own test host with its own temporary
/// folder, and the tests that need a fixed port or a shared resource live in one project), so the wall time of the
/// whole run is about that of the longest project rather than the sum.
/// </summary>
internal static class ProjectRuns
{
    private const string DurationsFile = "projects.txt";

    /// <summary>Projects run at once: test hosts mostly wait on child processes, the engine and the network, so more than the cores.</summary>
    public static int Parallelism => Math.Max(4, 4 * Environment.ProcessorCount);

    public static async Task<IReadOnlyList<ProjectOutcome>> RunAsync(
        IReadOnlyList<TestProject> projects,
        IReadOnlyDictionary<string, TimeSpan> previous,
        Func<TestProject, AbsolutePath, string, ProcessRequest> request,
        AbsolutePath results,
        TargetContext context)
    {
        var progress = new TestProgress(context);
        // Short names: tests put Unix sockets in their temporary folders, and a socket's path has at most 108 characters.
        var scratchRoot = Directory.CreateTempSubdirectory("tests-").FullName;
        using var slots = new SemaphoreSlim(Parallelism);
        try
        {
            // The longest first (by the previous run), so that the last to finish started early; unknown ones first of all.
            var ordered = projects.OrderByDescending(p => previous.TryGetValue(p.Name, out var duration) ? duration : TimeSpan.MaxValue).ToList();
            var runs = ordered.Select(async (project, index) =>
            {
                await slots.WaitAsync(context.CancellationToken).ConfigureAwait(false);
                try
                {
                    return await RunOneAsync(project, request, results / project.Name, TestScratch.Create(scratchRoot, (index + 1).ToString(CultureInfo.InvariantCulture)), progress, context.CancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    slots.Release();
                }
            }).ToList();
            var outcomes = await Task.WhenAll(runs).ConfigureAwait(false);
            return projects.Select(p => outcomes.Single(o => o.Name == p.Name)).ToList();
        }
        finally
        {
            new TestScratch(scratchRoot).Delete();
        }
    }

    private static async Task<ProjectOutcome> RunOneAsync(TestProject project, Func<TestProject, AbsolutePath, string, ProcessRequest> request, AbsolutePath results, TestScratch scratch, TestProgress progress, CancellationToken cancellationToken)
    {
        results.CreateDirectory();
        progress.Started(project.Name);
        var clock = Stopwatch.StartNew();
        // The dotnet CLI leaves empty folders in its own TMPDIR: one beside the project's folder, removed with the run's.
        var cli = Directory.CreateDirectory(scratch.Path + ".cli").FullName;
        var run = await ProcessRunner.RunAsync(request(project, results, scratch.Path).WithEnvironment("TMPDIR", cli) with { Output = line => Log.Information($"[{project.Name}] {line}") }, cancellationToken).ConfigureAwait(false);
        clock.Stop();

        var processes = await scratch.StopLeftoverProcessesAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        var entries = scratch.Leftovers();
        scratch.Delete();
        var counts = TestCounts.Read(results);
        var withoutResults = TestCounts.AssembliesWithoutResults(run.StandardOutput, results).Count > 0 || (counts.Total == 0 && run.ExitCode != 0);
        progress.Finished(project.Name, counts, clock.Elapsed);
        if (processes.Count > 0)
        {
            Log.Error($"{project.Name} left {processes.Count} process(es) running, now stopped: {string.Join("; ", processes)}");
        }

        if (entries.Count > 0)
        {
            Log.Error($"{project.Name} left {entries.Count} entr{(entries.Count == 1 ? "y" : "ies")} in its temporary folder: {string.Join(", ", entries.Take(20))}{(entries.Count > 20 ? ", …" : "")}");
        }

        return new ProjectOutcome(project.Name, counts, clock.Elapsed, run.ExitCode, withoutResults, entries, processes);
    }

    /// <summary>The durations of the previous run's projects (<c>projects.txt</c>), to start the longest first.</summary>
    public static IReadOnlyDictionary<string, TimeSpan> ReadDurations(AbsolutePath results)
    {
        var file = results / DurationsFile;
        if (!file.FileExists())
        {
            return new Dictionary<string, TimeSpan>();
        }

        return File.ReadAllLines(file).Skip(1).Select(line => line.Split('\t'))
            .Where(cells => cells.Length > 1 && double.TryParse(cells[1], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            .ToDictionary(cells => cells[0], cells => TimeSpan.FromSeconds(double.Parse(cells[1], CultureInfo.InvariantCulture)), StringComparer.Ordinal);
    }

    /// <summary><c>projects.txt</c>: per project its wall time, counts and leftovers, tab-separated, for people and the next run.</summary>
    public static Task WriteDurationsAsync(AbsolutePath results, IReadOnlyList<ProjectOutcome> outcomes, CancellationToken cancellationToken) =>
        File.WriteAllLinesAsync(results / DurationsFile,
            ["project\tseconds\tpassed\tfailed\tskipped\tleftover entries\tleftover processes",
             .. outcomes.Select(o => string.Join('\t', o.Name, o.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture), o.Counts.Passed, o.Counts.Failed, o.Counts.Skipped, o.LeftoverEntries.Count, o.LeftoverProcesses.Count))],
            cancellationToken);
}
