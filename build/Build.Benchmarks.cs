using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Pipeline.Processes;
using Pipeline.Targets;

namespace Pipeline.Build;

/// <summary>Every benchmark of the repository, run one after the other, summed up in one table of ratios.</summary>
internal sealed partial class Build
{
    [Parameter("Repetitions for the benchmarks that time whole runs (bootstrap, containers).")]
    readonly int BenchmarkRuns = 5;

    Target Benchmark => _ => _
        .Description("Runs every benchmark (bootstrap, containers, GitHub requests, promotion edits) and prints one table of ratios.")
        .Executes(async context =>
        {
            var runs = BenchmarkRuns.ToString(CultureInfo.InvariantCulture);
            var rows = new List<(string Benchmark, string Measure, string Result, string Aim)>();

            var bootstrap = await RunBenchmark(context, "bash", "benchmarks/Bootstrap/run.sh", (BenchmarkRuns * 3).ToString(CultureInfo.InvariantCulture));
            rows.Add(("Bootstrap", "warm ./build.sh --help / floor (dotnet _build.dll)", Find(bootstrap, @"ratio vs floor: ([0-9.]+)") + "x", "<= 1.30x"));
            rows.Add(("Bootstrap", "warm ./build.sh --help / NUKE-style build + run", Find(bootstrap, @"ratio vs NUKE-style: ([0-9.]+)") + "x", "<= 0.20x"));

            var containers = await RunBenchmark(context, "dotnet", "run", "-c", "Release", "--project", "benchmarks/Containers.Benchmark", "--", runs);
            rows.Add(("Containers", "BuildMultiArchImage + CaptureDigest / docker CLI sequence, 2 platforms", Find(containers, @"medians\): ([0-9.]+)x") + "x", "<= 0.80x"));

            var github = await RunBenchmark(context, "dotnet", "run", "-c", "Release", "--project", "benchmarks/GitHub.Benchmark");
            string Requests(string path, int n) => Find(github, $@"\|\s*{Regex.Escape(path)}\s*\|\s*{n}\s*\|\s*(\d+)\s*\|");
            rows.Add(("GitHub", "HTTP requests to read + commit N = 1, 3, 10 files: GraphQL", $"{Requests("GraphQL", 1)}, {Requests("GraphQL", 3)}, {Requests("GraphQL", 10)}", "2 whatever N"));
            rows.Add(("GitHub", "same with the Git Data API / the Contents API", $"{Requests("Git Data API", 10)} / {Requests("Contents API", 10)} for N = 10", ""));

            var promotion = await RunBenchmark(context, "dotnet", "run", "-c", "Release", "--project", "benchmarks/Promotion.Benchmark");
            rows.Add(("Promotion", "edit throughput on 1,000 manifests / npm yaml Document API", Find(promotion, @"best rounds: ([0-9.]+)x") + "x", "higher is better"));
            rows.Add(("Promotion", "files changed outside the edited values: ours / yaml",
                $"{Find(promotion, @"Pipeline\.Promotion edits\s+\d+\s+[0-9.]+\s+[0-9.]+\s+\d+\s+(\d+)")} / {Find(promotion, @"npm yaml[^\n]*?\s+\d+\s+[0-9.]+\s+[0-9.]+\s+\d+\s+(\d+)")}", "ours 0"));

            var table = Table(rows);
            Log.Information("");
            Log.Information(table);
            context.AppendSummary("### Benchmarks\n\n" + Markdown(rows));
            File.WriteAllText(ArtifactsDirectory.CreateDirectory() / "benchmarks.txt", table + "\n");
        });

    async Task<string> RunBenchmark(TargetContext context, string program, params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync(new ProcessRequest(program, arguments) { WorkingDirectory = RootDirectory, Output = Log.Information }, context.CancellationToken);
        return result.StandardOutput;
    }

    static string Find(string output, string pattern) =>
        Regex.Match(output, pattern) is { Success: true } match ? match.Groups[1].Value : "n/a";

    static string Table(List<(string Benchmark, string Measure, string Result, string Aim)> rows)
    {
        var widths = new[] { 10, rows.Max(r => r.Measure.Length), rows.Max(r => r.Result.Length), 16 };
        var text = new StringBuilder();
        string Line(string a, string b, string c, string d) => $"{a.PadRight(widths[0])}  {b.PadRight(widths[1])}  {c.PadLeft(widths[2])}  {d}".TrimEnd();
        text.AppendLine(Line("Benchmark", "Measure", "Result", "Aim"));
        text.AppendLine(new string('─', widths.Sum() + 6));
        foreach (var row in rows)
            text.AppendLine(Line(row.Benchmark, row.Measure, row.Result, row.Aim));
        return text.ToString().TrimEnd();
    }

    static string Markdown(List<(string Benchmark, string Measure, string Result, string Aim)> rows) =>
        "| Benchmark | Measure | Result | Aim |\n| --- | --- | ---: | --- |\n" +
        string.Concat(rows.Select(r => $"| {r.Benchmark} | {r.Measure} | {r.Result} | {r.Aim} |\n"));
}
