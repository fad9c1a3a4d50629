using Pipeline.Benchmarks.Results;

namespace Pipeline.Benchmarks.Report;

/// <summary>
/// Keeps the committed figures in step: the recorded results (<c>benchmarks/results.json</c>), the plots drawn from
/// them (<c>benchmarks/*.svg</c>) and the README section generated from them.
/// </summary>
internal static class Recorder
{
    public const string ResultsPath = "benchmarks/results.json";
    public const string PlotFolder = "benchmarks";
    public const string ReadmePath = "README.md";

    /// <summary>Replaces the suites in the recorded results with <paramref name="results"/>, then regenerates plots and README.</summary>
    public static void Record(string root, IReadOnlyList<SuiteResult> results, Action<string> log)
    {
        var path = Path.Combine(root, ResultsPath);
        ResultsDocument.Read(path).With(results).Write(path);
        log($"Recorded {string.Join(", ", results.Select(r => r.Suite))} into {ResultsPath}.");
        Regenerate(root, log);
    }

    /// <summary>Draws every plot and rewrites the README section from the recorded results.</summary>
    public static void Regenerate(string root, Action<string> log)
    {
        var readme = Path.Combine(root, ReadmePath);
        if (!File.Exists(readme))
        {
            throw new BenchmarkException($"{readme} does not exist; pass the repository root with --root.");
        }

        var results = ResultsDocument.Read(Path.Combine(root, ResultsPath));
        foreach (var (file, svg) in Plots(results))
        {
            File.WriteAllText(Path.Combine(root, file), svg);
            log($"Drew {file}.");
        }

        File.WriteAllText(readme, ReadmeSection.Replace(File.ReadAllText(readme), ReadmeSection.Render(results)));
        log($"Regenerated the benchmark section of {ReadmePath}.");
    }

    /// <summary>Each plot's path (relative to the root) and content.</summary>
    public static IEnumerable<(string File, string Svg)> Plots(ResultsDocument results) =>
        results.Suites.SelectMany(s => s.Curves).Where(c => c.Series.Count > 0).Select(c => ($"{PlotFolder}/{c.Id}.svg", SvgChart.Render(c)));
}
