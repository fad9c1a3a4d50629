using System.Globalization;
using Pipeline.Benchmarks.Measuring;
using Pipeline.Benchmarks.Results;
using Pipeline.GitHub;
using Pipeline.Promotion;
using Pipeline.Rehearsal.GitHub;

namespace Pipeline.Benchmarks.GitHub;

/// <summary>
/// Requests and wall time of a promotion per writer (graphql, git-data, contents, git) against the local GitHub
/// server: N files in one environment, and N environments of one file each.
/// </summary>
internal sealed class GitHubSuite : ISuite
{
    public static readonly WriteMethod[] Writers = [WriteMethod.GraphQL, WriteMethod.GitData, WriteMethod.Contents, WriteMethod.Git];

    /// <summary>The file counts also measured with the spec passed rather than read from the branch.</summary>
    private static readonly int[] SpecGivenFiles = [1, 3, 10];

    public string Name => "github";

    public static string Id(WriteMethod writer, string @case, string quantity) => $"github/{writer.ToName()}/{@case}/{quantity}";

    public async Task<SuiteResult> RunAsync(BenchmarkSettings settings, CancellationToken cancellationToken)
    {
        int[] files = settings.Quick ? [1, 3, 10] : [1, 3, 10, 30, 100];
        int[] environments = settings.Quick ? [1, 3] : [1, 3, 10, 20];
        var facts = MachineInfo.Facts();
        await using var server = await LocalGitHubServer.StartAsync(new LocalGitHubServerOptions { RateLimit = int.MaxValue }, cancellationToken).ConfigureAwait(false);
        var source = Directory.CreateTempSubdirectory("bench-source-");
        try
        {
            var commit = await SourceClone.CreateAsync(source.FullName, cancellationToken).ConfigureAwait(false);
            var scenario = new PromotionScenario(server, new Secret(server.IssuePersonalToken("bench")), source.FullName, commit);
            var samples = new SampleSet();
            var cases = files.Select(n => (Case: $"files-{n}", Environments: 1, Files: n, Spec: SpecSource.Branch))
                .Concat(environments.Where(e => e > 1).Select(e => (Case: $"environments-{e}", Environments: e, Files: 1, Spec: SpecSource.Branch)))
                .Concat(SpecGivenFiles.Select(n => (Case: $"spec-given-files-{n}", Environments: 1, Files: n, Spec: SpecSource.Given)))
                .Concat(SpecGivenFiles.Select(n => (Case: $"after-dry-run-files-{n}", Environments: 1, Files: n, Spec: SpecSource.AfterDryRun)))
                .ToList();
            for (var run = 1; run <= settings.Runs; run++)
            {
                foreach (var writer in Writers)
                {
                    foreach (var (name, environmentCount, fileCount, spec) in cases)
                    {
                        await MeasureAsync(settings, scenario, samples, writer, name, environmentCount, fileCount, spec, run, cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            return new SuiteResult(Name, DateTimeOffset.UtcNow, settings.Runs, facts, await MachineInfo.VersionsAsync(settings.Root).ConfigureAwait(false))
            {
                Quick = settings.Quick,
                Measurements = samples.ToMeasurements(),
                Rows = Rows(),
                Curves = Curves(samples.ToMeasurements(), files, environments),
                Notes =
                [
                    "Each promotion is Promoter.PromoteAsync as BumpGitOps runs it (personal token, no branch named so the default branch is the target, promotion.yaml read from the branch unless the row says it is passed, " +
                    "guards on with a local source clone) into a fresh repository on the local GitHub server; requests are counted from the server's request log " +
                    "and every file is checked in the bare repository afterwards (results.json lists the requests of each case of up to 10 files). Each environment is one commit.",
                ],
            };
        }
        finally
        {
            source.Delete(recursive: true);
        }
    }

    private static async Task MeasureAsync(BenchmarkSettings settings, PromotionScenario scenario, SampleSet samples, WriteMethod writer, string name,
        int environments, int files, SpecSource spec, int run, CancellationToken cancellationToken)
    {
        var requestsId = Id(writer, name, "requests");
        var secondsId = Id(writer, name, "seconds");
        if (samples.IsUnavailable(requestsId))
        {
            return;
        }

        try
        {
            var result = await scenario.RunAsync(writer, environments, files, spec, cancellationToken).ConfigureAwait(false);
            samples.Add(requestsId, "requests", result.Requests);
            samples.Add(secondsId, "s", result.Elapsed.TotalSeconds);
            if (result.DryRunRequests is { } dryRun)
            {
                samples.Add(Id(writer, name, "dry-run-requests"), "requests", dryRun);
            }

            if (environments * files <= 10)
            {
                samples.Detail(requestsId, result.RequestLines);
            }

            settings.Log(string.Create(CultureInfo.InvariantCulture, $"  run {run} {writer.ToName(),-9} {name,-16} {result.Requests,4} requests {result.Elapsed.TotalSeconds,7:F3} s"));
        }
        catch (PromotionException exception)
        {
            var reason = exception.Message.Split('\n')[0];
            samples.Unavailable(requestsId, "requests", reason);
            samples.Unavailable(secondsId, "s", reason);
            settings.Log($"  run {run} {writer.ToName(),-9} {name,-16} refused: {reason}");
        }
    }

    private static List<HeadlineRow> Rows()
    {
        var rows = new List<HeadlineRow>();
        foreach (var writer in Writers)
        {
            rows.Add(new HeadlineRow($"Requests to promote 1 / 3 / 10 files of one environment, `{writer.ToName()}`",
                [Id(writer, "files-1", "requests"), Id(writer, "files-3", "requests"), Id(writer, "files-10", "requests")]));
        }

        foreach (var writer in Writers)
        {
            rows.Add(new HeadlineRow($"Requests to promote 1 / 3 / 10 files of one environment with the spec passed (`--promotion-spec`), `{writer.ToName()}`",
                [Id(writer, "spec-given-files-1", "requests"), Id(writer, "spec-given-files-3", "requests"), Id(writer, "spec-given-files-10", "requests")]));
        }

        foreach (var writer in Writers.Where(w => w is WriteMethod.GraphQL or WriteMethod.GitData))
        {
            rows.Add(new HeadlineRow($"`./build.sh BumpGitOps`, 1 / 3 / 10 files: requests of the dry run before the build, `{writer.ToName()}`",
                [Id(writer, "after-dry-run-files-1", "dry-run-requests"), Id(writer, "after-dry-run-files-3", "dry-run-requests"), Id(writer, "after-dry-run-files-10", "dry-run-requests")]));
            rows.Add(new HeadlineRow($"`./build.sh BumpGitOps`, 1 / 3 / 10 files: requests of the promotion after the build (the spec remembered), `{writer.ToName()}`",
                [Id(writer, "after-dry-run-files-1", "requests"), Id(writer, "after-dry-run-files-3", "requests"), Id(writer, "after-dry-run-files-10", "requests")]));
        }

        foreach (var writer in Writers)
        {
            rows.Add(new HeadlineRow($"Requests to promote to 1 / 3 / 10 environments of one file each, `{writer.ToName()}`",
                [Id(writer, "files-1", "requests"), Id(writer, "environments-3", "requests"), Id(writer, "environments-10", "requests")]));
        }

        foreach (var writer in Writers)
        {
            rows.Add(new HeadlineRow($"Wall time to promote 1 / 10 files of one environment, `{writer.ToName()}`",
                [Id(writer, "files-1", "seconds"), Id(writer, "files-10", "seconds")]));
        }

        return rows;
    }

    private static List<Curve> Curves(IReadOnlyList<Measurement> measurements, int[] files, int[] environments)
    {
        Curve Make(string id, string title, string xLabel, string yLabel, Func<int, string> caseName, int[] xs, string quantity) =>
            new(id, title, xLabel, yLabel, Writers
                .Select(w => new Series(w.ToName(), xs
                    .Select(x => measurements.FirstOrDefault(m => m.Id == Id(w, caseName(x), quantity)) is { } m ? CurvePoint.From(x, m) : null)
                    .OfType<CurvePoint>()
                    .ToList()))
                .Where(s => s.Points.Count > 0)
                .ToList())
            { LogX = true, LogY = true };

        static string Environments(int e) => e == 1 ? "files-1" : $"environments-{e}";
        return
        [
            Make("github-requests-files", "Promotion requests against files in one environment", "files", "requests", n => $"files-{n}", files, "requests"),
            Make("github-requests-environments", "Promotion requests against environments (one file each)", "environments", "requests", Environments, environments, "requests"),
            Make("github-time-files", "Promotion wall time against files in one environment", "files", "seconds", n => $"files-{n}", files, "seconds"),
            Make("github-time-environments", "Promotion wall time against environments (one file each)", "environments", "seconds", Environments, environments, "seconds"),
        ];
    }
}
