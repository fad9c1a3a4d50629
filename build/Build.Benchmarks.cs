using System.Globalization;
using Pipeline.Processes;
using Pipeline.Targets;

namespace Pipeline.Build;

/// <summary>
/// The benchmarks: one program, benchmarks/Pipeline.Benchmarks, that measures the path a user runs and keeps the
/// README's figures, benchmarks/results.json and the plots in benchmarks/ in step.
/// </summary>
internal sealed partial class Build
{
    [Parameter("Benchmark suites to run: github, build, yaml, bootstrap, tool (default: all of them).")]
    readonly string[] BenchmarkSuite = [];

    [Parameter("Runs per measured case (default 5). With fewer than 5, or --benchmark-quick, nothing is recorded.")]
    readonly int BenchmarkRuns = 5;

    [Parameter("Fewer cases and smaller sizes, to check the benchmarks in a few minutes; never recorded.")]
    readonly bool BenchmarkQuick;

    Target Benchmark => _ => _
        .Description("Measures the real path (writers against the local GitHub server, BuildMultiArchImage against the docker CLI, YAML edits against npm yaml, bootstrap against dotnet, the tool's shipping forms); records benchmarks/results.json, the plots and the README section.")
        .Produces("artifacts/benchmarks/results.json")
        .Executes(context =>
        {
            var arguments = new List<string> { "run", "--runs", BenchmarkRuns.ToString(CultureInfo.InvariantCulture) };
            if (BenchmarkSuite.Length > 0)
            {
                arguments.AddRange(["--suite", string.Join(',', BenchmarkSuite)]);
            }

            if (BenchmarkQuick)
            {
                arguments.Add("--quick");
            }

            return RunBenchmarks(context, arguments);
        });

    Target BenchmarkReport => _ => _
        .Description("Regenerates the README's benchmark section and the plots in benchmarks/ from benchmarks/results.json, measuring nothing.")
        .Executes(context => RunBenchmarks(context, ["report"]));

    Task RunBenchmarks(TargetContext context, IReadOnlyList<string> arguments) =>
        ProcessRunner.RunAsync(new ProcessRequest("dotnet",
            ["run", "-c", "Release", "--project", "benchmarks/Pipeline.Benchmarks", "--", .. arguments, "--root", RootDirectory])
        { WorkingDirectory = RootDirectory, Output = Log.Information }, context.CancellationToken);
}
