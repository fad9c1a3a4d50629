using System.Globalization;
using Pipeline.Benchmarks.Build;
using Pipeline.Benchmarks.GitHub;
using Pipeline.Benchmarks.Measuring;
using Pipeline.Benchmarks.Report;
using Pipeline.Benchmarks.Results;
using Pipeline.Benchmarks.Yaml;

namespace Pipeline.Benchmarks;

/// <summary>Runs the chosen suites one after the other, prints their rows, writes the results, and records them when they qualify.</summary>
internal static class BenchmarkRunner
{
    private static readonly ISuite[] All = [new GitHubSuite(), new BuildSuite(), new YamlSuite(), new Bootstrap.BootstrapSuite(), new Tool.ToolSuite()];

    public static async Task<int> RunAsync(BenchmarkSettings settings, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var unknown = names.Where(n => All.All(s => s.Name != n)).ToList();
        if (unknown.Count > 0 || settings.Runs < 1)
        {
            throw new BenchmarkException(unknown.Count > 0
                ? $"Unknown suite {string.Join(", ", unknown)}; choose among {string.Join(", ", All.Select(s => s.Name))}."
                : "--runs must be at least 1.");
        }

        var log = settings.Log;
        var facts = MachineInfo.Facts();
        log($"Machine: {facts.Cores} cores, {facts.Cpu}, {facts.MemoryGiB.ToString(CultureInfo.InvariantCulture)} GiB, {facts.OperatingSystem}, load {facts.LoadAverage}");
        foreach (var (tool, version) in await MachineInfo.VersionsAsync(settings.Root).ConfigureAwait(false))
        {
            log($"  {tool}: {version}");
        }

        var results = new List<SuiteResult>();
        foreach (var suite in All.Where(s => names.Contains(s.Name)))
        {
            log("");
            log($"== {suite.Name} ({settings.Runs} run(s){(settings.Quick ? ", quick" : "")})");
            var result = await suite.RunAsync(settings, cancellationToken).ConfigureAwait(false);
            results.Add(result);
            log("");
            log(ReadmeSection.Table([result]));
        }

        var artifact = Path.Combine(settings.Root, "artifacts", "benchmarks", "results.json");
        new ResultsDocument().With(results).Write(artifact);
        log("");
        log($"Results: {Path.GetRelativePath(settings.Root, artifact)}");
        if (settings.Recordable)
        {
            Recorder.Record(settings.Root, results, log);
        }
        else
        {
            log($"Not recorded into {Recorder.ResultsPath}: recording needs at least {BenchmarkSettings.RecordedRuns} runs and no --quick.");
        }

        return 0;
    }
}
