using Pipeline.Benchmarks.Report;
using Pipeline.Benchmarks.Results;

namespace Pipeline.Benchmarks.Tests.Report;

/// <summary>The README's figures and the committed plots are exactly what the recorded results generate.</summary>
public sealed class RecordedFiguresTests
{
    private static readonly ResultsDocument Recorded = ResultsDocument.Read(Path.Combine(Repository.Root, Recorder.ResultsPath));

    [Fact]
    public void Readme_benchmark_section_is_what_the_recorded_results_generate()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, Recorder.ReadmePath));

        ReadmeSection.Extract(readme).Should().Be(ReadmeSection.Render(Recorded),
            "README.md must show the figures of benchmarks/results.json; run ./build.sh BenchmarkReport (or record new figures with ./build.sh Benchmark)");
    }

    [Fact]
    public void Every_plot_is_committed_as_the_recorded_results_draw_it_and_linked_from_the_readme()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, Recorder.ReadmePath));
        var plots = Recorder.Plots(Recorded).ToList();

        plots.Should().NotBeEmpty();
        foreach (var (file, svg) in plots)
        {
            var path = Path.Combine(Repository.Root, file);
            File.Exists(path).Should().BeTrue($"{file} is drawn from benchmarks/results.json; run ./build.sh BenchmarkReport");
            File.ReadAllText(path).Should().Be(svg, $"{file} must be drawn from benchmarks/results.json; run ./build.sh BenchmarkReport");
            readme.Should().Contain($"({file})");
        }
    }

    [Fact]
    public void Every_recorded_suite_has_at_least_five_runs_on_a_described_machine()
    {
        Recorded.Suites.Should().NotBeEmpty("./build.sh Benchmark records benchmarks/results.json");
        Recorded.Suites.Select(s => s.Suite).Should().BeSubsetOf(ResultsDocument.SuiteNames);
        foreach (var suite in Recorded.Suites)
        {
            suite.Quick.Should().BeFalse();
            suite.Runs.Should().BeGreaterThanOrEqualTo(5, suite.Suite);
            suite.Machine.Cores.Should().BePositive();
            suite.Machine.Cpu.Should().NotBeNullOrWhiteSpace();
            suite.Machine.MemoryGiB.Should().BePositive();
            suite.Versions.Should().ContainKeys(".NET runtime", "git", "node", "yaml (npm)", "docker engine");
            suite.Rows.Should().NotBeEmpty();
            foreach (var measurement in suite.Measurements)
            {
                // Times and request counts vary from run to run; what a tool made of its output (files it changed, stray
                // bytes) or a size on disk is one reading of that output.
                var needed = measurement.Unit is "s" or "ms" or "requests" ? 5 : 1;
                (measurement.Samples.Count >= needed || measurement.Unavailable is not null).Should().BeTrue($"{measurement.Id} needs {needed} sample(s) or a reason");
            }

            foreach (var id in suite.Rows.SelectMany(r => r.Ours.Concat(r.Baseline)))
            {
                suite.Find(id).Should().NotBeNull($"the row's {id} must be measured");
            }
        }
    }
}
