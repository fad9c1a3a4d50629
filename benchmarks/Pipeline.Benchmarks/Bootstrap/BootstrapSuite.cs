using System.Globalization;
using Pipeline.Benchmarks.Measuring;
using Pipeline.Benchmarks.Results;

namespace Pipeline.Benchmarks.Bootstrap;

/// <summary>
/// Warm start of <c>./build.sh --help</c> (its inputs unchanged, so it only fingerprints them and starts the compiled
/// build) against the floor, the same compiled build started with <c>dotnet</c> directly, and against the NUKE-style
/// bootstrap (<c>dotnet build</c>, then <c>dotnet run --no-build</c>). Runs are interleaved.
/// </summary>
internal sealed class BootstrapSuite : ISuite
{
    /// <summary>Starts are short and noisy: three samples per requested run (the NUKE-style bootstrap, which takes seconds, gets one).</summary>
    private const int SamplesPerRun = 3;

    private static readonly Dictionary<string, string?> Quiet = new() { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" };

    public string Name => "bootstrap";

    public async Task<SuiteResult> RunAsync(BenchmarkSettings settings, CancellationToken cancellationToken)
    {
        var facts = MachineInfo.Facts();
        var root = settings.Root;
        const string Project = "build/_build.csproj";
        var compiled = Path.Combine(".nuke", "temp", "build", "_build.dll");

        async Task<double> Time(params (string Program, string[] Arguments)[] commands)
        {
            double total = 0;
            foreach (var (program, arguments) in commands)
            {
                total += (await ProcessRuns.RunAsync(program, arguments, root, Quiet, cancellationToken: cancellationToken).ConfigureAwait(false)).Elapsed.TotalMilliseconds;
            }

            return total;
        }

        var sides = new (string Id, (string, string[])[] Commands)[]
        {
            ("bootstrap/pipeline/help", [("./build.sh", ["--help"])]),
            ("bootstrap/floor/help", [("dotnet", [compiled, "--help"])]),
            ("bootstrap/nuke-style/help", [("dotnet", ["build", Project, "-nologo", "-v", "q"]), ("dotnet", ["run", "--project", Project, "--no-build", "--", "--help"])]),
        };

        settings.Log("  warming up: ./build.sh --help and dotnet build of the build project");
        foreach (var (_, commands) in sides)
        {
            await Time(commands).ConfigureAwait(false);
        }

        var samples = new SampleSet();
        var count = settings.Runs * SamplesPerRun;
        for (var run = 0; run < count; run++)
        {
            foreach (var (id, commands) in (run % 2 == 0 ? sides : sides.Reverse()).Where(s => run % SamplesPerRun == 0 || !s.Id.Contains("nuke", StringComparison.Ordinal)))
            {
                samples.Add(id, "ms", await Time(commands).ConfigureAwait(false));
            }
        }

        settings.Log(string.Join("; ", sides.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Id} {Statistics.Median(samples.Samples(s.Id)):F0} ms"))));
        return new SuiteResult(Name, DateTimeOffset.UtcNow, count, facts, await MachineInfo.VersionsAsync(root).ConfigureAwait(false))
        {
            Quick = settings.Quick,
            Measurements = samples.ToMeasurements(),
            Rows =
            [
                new HeadlineRow("Warm `./build.sh --help` against starting the compiled build directly", ["bootstrap/pipeline/help"])
                    { Baseline = ["bootstrap/floor/help"], BaselineName = "`dotnet .nuke/temp/build/_build.dll --help`" },
                new HeadlineRow("Warm `./build.sh --help` against the NUKE-style bootstrap", ["bootstrap/pipeline/help"])
                    { Baseline = ["bootstrap/nuke-style/help"], BaselineName = "`dotnet build` + `dotnet run --no-build`" },
            ],
            Notes = [$"{SamplesPerRun} samples per requested run ({count} in all), one for the NUKE-style bootstrap; the build's inputs are unchanged, so neither bootstrap compiles."],
        };
    }
}
