using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Pipeline.Benchmarks.Results;

namespace Pipeline.Benchmarks.Report;

/// <summary>
/// The README's benchmark section, generated from the recorded results and nothing else: one block per suite with
/// the machine, the versions, a table of figures and ratios, the notes and links to the plots.
/// </summary>
internal static partial class ReadmeSection
{
    public const string Begin = "<!-- benchmarks:begin (generated from benchmarks/results.json by ./build.sh Benchmark or ./build.sh BenchmarkReport; do not edit) -->";
    public const string End = "<!-- benchmarks:end -->";

    /// <summary>The tools whose versions matter to each suite.</summary>
    private static readonly Dictionary<string, string[]> RelevantVersions = new()
    {
        ["github"] = [".NET runtime", "git"],
        ["build"] = ["docker engine", "docker CLI", "docker CLI " + Measuring.Tools.BuildKitDocker, "docker buildx"],
        ["yaml"] = [".NET runtime", "node", "yaml (npm)"],
        ["bootstrap"] = ["dotnet SDK", ".NET runtime"],
    };

    public static string Render(ResultsDocument results)
    {
        var text = new StringBuilder(Begin).Append("\n\n");
        text.Append("Ratios are Pipeline's median over the baseline's median: below 1.00x Pipeline takes less time. ")
            .Append("A figure is the median of the runs, with the smallest and largest run in brackets when they differ.\n");
        foreach (var suite in results.Suites)
        {
            text.Append('\n').Append(Heading(suite)).Append("\n\n").Append(Table([suite])).Append('\n');
            var notes = suite.Notes.Concat(Unavailable(suite)).ToList();
            text.Append(notes.Count > 0 ? "\n" : "");
            foreach (var note in notes)
            {
                text.Append("- ").Append(note).Append('\n');
            }

            if (suite.Curves.Any(c => c.Series.Count > 0))
            {
                text.Append("\nScale: ")
                    .Append(string.Join(" · ", suite.Curves.Where(c => c.Series.Count > 0).Select(c => $"[{c.Title.ToLowerInvariant()}]({Recorder.PlotFolder}/{c.Id}.svg)")))
                    .Append('\n');
            }
        }

        return text.Append('\n').Append(End).ToString();
    }

    /// <summary>The rows of the given suites as a Markdown table.</summary>
    public static string Table(IEnumerable<SuiteResult> suites)
    {
        var text = new StringBuilder("| Measure | Pipeline | Baseline | Ratio |\n| --- | ---: | --- | ---: |\n");
        foreach (var suite in suites)
        {
            foreach (var row in suite.Rows)
            {
                var ours = row.Ours.Select(suite.Find).ToList();
                var baseline = row.Baseline.Select(suite.Find).ToList();
                text.Append("| ").Append(row.Measure)
                    .Append(" | ").Append(Cell(ours))
                    .Append(" | ").Append(row.BaselineName is { } name ? $"{name}: {Cell(baseline)}" : "")
                    .Append(" | ").Append(baseline.Count > 0 && row.ShowRatio ? Ratio(ours, baseline) : "")
                    .Append(" |\n");
            }
        }

        return text.ToString().TrimEnd('\n');
    }

    /// <summary>One figure with its spread, or several medians side by side.</summary>
    private static string Cell(IReadOnlyList<Measurement?> measurements) =>
        measurements.Count == 1 && measurements[0] is { } single
            ? Figures.WithSpread(single)
            : string.Join(" / ", measurements.Select(Figures.Median));

    private static string Ratio(IReadOnlyList<Measurement?> ours, IReadOnlyList<Measurement?> baseline)
    {
        var ratios = ours.Zip(baseline, (o, b) => (Ours: o, Baseline: b)).Select(p =>
        {
            if (p.Ours?.Median is not { } numerator || p.Baseline?.Median is not { } denominator || denominator <= 0)
            {
                return "n/a";
            }

            var ratio = Figures.Ratio(numerator / denominator);
            var runs = Statistics.Ratios(p.Ours.Samples, p.Baseline.Samples);
            return ours.Count == 1 && runs.Count > 1 && runs.Min() != runs.Max()
                ? $"{ratio} ({Figures.Ratio(runs.Min())} – {Figures.Ratio(runs.Max())})"
                : ratio;
        });
        return string.Join(" / ", ratios);
    }

    private static string Heading(SuiteResult suite)
    {
        var machine = suite.Machine;
        var versions = RelevantVersions.GetValueOrDefault(suite.Suite, [])
            .Where(suite.Versions.ContainsKey)
            .Select(k => $"{k} {suite.Versions[k]}");
        return string.Create(CultureInfo.InvariantCulture,
            $"**{suite.Suite}**: {suite.Runs} runs on {suite.At:yyyy-MM-dd}; {machine.Cores} cores ({machine.Cpu}), {machine.MemoryGiB:0.#} GiB, "
            + $"{machine.OperatingSystem}, load average {machine.LoadAverage} at the start; {string.Join(", ", versions)}.");
    }

    /// <summary>One note per reason a measurement is missing (counts read as N, listed paths left out), naming the cases.</summary>
    private static IEnumerable<string> Unavailable(SuiteResult suite) => suite.Measurements
        .Where(m => m.Unavailable is not null && m.Samples.Count == 0)
        .GroupBy(m => Numbers().Replace(Parenthesized().Replace(m.Unavailable!, ""), "N"))
        .Select(g => $"n/a ({string.Join(", ", g.Select(m => m.Id).Where(id => !id.EndsWith("/seconds", StringComparison.Ordinal)).DefaultIfEmpty(g.First().Id))}): {g.Key}");

    [GeneratedRegex(@"\s*\([^)]*\)")]
    private static partial Regex Parenthesized();

    [GeneratedRegex(@"\b\d+\b")]
    private static partial Regex Numbers();

    /// <summary><paramref name="readme"/> with the text between the markers replaced by <paramref name="section"/>.</summary>
    public static string Replace(string readme, string section)
    {
        var (start, end) = Bounds(readme);
        return readme[..start] + section + readme[(end + End.Length)..];
    }

    /// <summary>The section as it stands in <paramref name="readme"/>, markers included.</summary>
    public static string Extract(string readme)
    {
        var (start, end) = Bounds(readme);
        return readme[start..(end + End.Length)];
    }

    private static (int Start, int End) Bounds(string readme)
    {
        var start = readme.IndexOf(Begin, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        return start >= 0 && end > start
            ? (start, end)
            : throw new BenchmarkException($"README.md has no benchmark section between '{Begin}' and '{End}'; put both markers under ## Benchmarks.");
    }
}
