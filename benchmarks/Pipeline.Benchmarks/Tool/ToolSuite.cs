using System.Globalization;
using Pipeline.Benchmarks.Measuring;
using Pipeline.Benchmarks.Results;

namespace Pipeline.Benchmarks.Tool;

/// <summary>
/// The shipping forms of the <c>pipeline</c> tool, made from this checkout the way a user gets them: the .NET tool
/// (<c>dotnet pack</c>, then <c>dotnet tool install</c> into a tool path), the same package run with <c>dnx</c>, and the
/// self-contained single-file binaries (<c>dotnet publish -r linux-x64|linux-arm64 -p:PublishSingleFile=true</c>).
/// Size on disk, and the start of a new process for <c>--version</c> and <c>--help</c>, interleaved.
/// </summary>
internal sealed class ToolSuite : ISuite
{
    /// <summary>Starts are short and noisy: two samples per requested run (10 with the default 5 runs).</summary>
    private const int SamplesPerRun = 2;

    private static readonly Dictionary<string, string?> Quiet = new() { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" };

    public string Name => "tool";

    public async Task<SuiteResult> RunAsync(BenchmarkSettings settings, CancellationToken cancellationToken)
    {
        var facts = MachineInfo.Facts();
        var work = Directory.CreateTempSubdirectory("pipeline-bench-tool-").FullName;
        try
        {
            var forms = await ToolForms.MakeAsync(settings, work, Quiet, cancellationToken).ConfigureAwait(false);
            var samples = new SampleSet();
            var empty = Directory.CreateDirectory(Path.Combine(work, "empty")).FullName;
            settings.Log("  warming up: one --version of each form");
            foreach (var (_, program, prefix) in forms.Starts)
            {
                await ProcessRuns.RunAsync(program, [.. prefix, "--version"], empty, Quiet, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            var count = settings.Runs * SamplesPerRun;
            for (var run = 0; run < count; run++)
            {
                // Read on every run like the times, so that a form that changes under the benchmark shows as a spread.
                foreach (var (id, path) in forms.Sizes)
                {
                    samples.Add($"tool/{id}/size", "MB", Math.Round(ToolForms.SizeOf(path) / 1_000_000.0, 1));
                }

                foreach (var (id, program, prefix) in run % 2 == 0 ? forms.Starts : forms.Starts.Reverse())
                {
                    foreach (var command in new[] { "version", "help" })
                    {
                        var outcome = await ProcessRuns.RunAsync(program, [.. prefix, "--" + command], empty, Quiet, cancellationToken: cancellationToken).ConfigureAwait(false);
                        samples.Add($"tool/{id}/{command}", "ms", outcome.Elapsed.TotalMilliseconds);
                    }
                }
            }

            settings.Log(string.Join("; ", forms.Starts.Select(s => string.Create(CultureInfo.InvariantCulture,
                $"{s.Id} --version {Statistics.Median(samples.Samples($"tool/{s.Id}/version")):F0} ms, --help {Statistics.Median(samples.Samples($"tool/{s.Id}/help")):F0} ms"))));
            return new SuiteResult(Name, DateTimeOffset.UtcNow, count, facts, await MachineInfo.VersionsAsync(settings.Root).ConfigureAwait(false))
            {
                Quick = settings.Quick,
                Measurements = samples.ToMeasurements(),
                Rows =
                [
                    new HeadlineRow("Size on disk (MB): .NET tool installed / dnx package / single file linux-x64 / single file linux-arm64",
                        ["tool/dotnet-tool/size", "tool/dnx/size", "tool/single-file-x64/size", "tool/single-file-arm64/size"]) { ShowRatio = false },
                    new HeadlineRow("`pipeline --version` / `--help`, a new process: single file (linux-x64) against the .NET tool",
                        ["tool/single-file-x64/version", "tool/single-file-x64/help"]) { Baseline = ["tool/dotnet-tool/version", "tool/dotnet-tool/help"], BaselineName = "`dotnet tool install`" },
                    new HeadlineRow("`pipeline --version` / `--help`, a new process: `dnx Pipeline.Tool` against the installed .NET tool",
                        ["tool/dnx/version", "tool/dnx/help"]) { Baseline = ["tool/dotnet-tool/version", "tool/dotnet-tool/help"], BaselineName = "`dotnet tool install`" },
                ],
                Notes =
                [
                    $"{SamplesPerRun} samples per requested run ({count} in all), each a new process in an empty directory, the forms interleaved, after one warm-up start each (the files are in the page cache: no form reads its disk cold).",
                    "The .NET tool and dnx start on the machine's .NET runtime; the single file carries its own (compressed, so it decompresses at start). dnx runs the package from the NuGet cache after the warm-up's download.",
                ],
            };
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
