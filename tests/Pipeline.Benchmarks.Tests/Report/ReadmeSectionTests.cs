using Pipeline.Benchmarks.Report;
using Pipeline.Benchmarks.Results;

namespace Pipeline.Benchmarks.Tests.Report;

public sealed class ReadmeSectionTests
{
    private static readonly MachineFacts Machine = new(2, "Test CPU", 4, "Test OS", "0.1 0.2 0.3");

    private static SuiteResult Suite(params Measurement[] measurements) =>
        new("yaml", new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero), 5, Machine, new Dictionary<string, string> { ["node"] = "v20", ["git"] = "2.39" })
        {
            Measurements = measurements,
            Rows =
            [
                new HeadlineRow("Edit", ["ours"]) { Baseline = ["theirs"], BaselineName = "npm yaml" },
                new HeadlineRow("Requests", ["a", "b", "gone"]),
            ],
            Notes = ["A note."],
        };

    [Fact]
    public void Shows_medians_spreads_and_the_ratio_of_medians_with_its_run_by_run_spread()
    {
        var text = ReadmeSection.Render(new ResultsDocument().With([Suite(
            new Measurement("ours", "ms", [100, 200, 300, 400, 500]),
            new Measurement("theirs", "ms", [400, 400, 600, 800, 1000]),
            new Measurement("a", "requests", [2, 2, 2, 2, 2]),
            new Measurement("b", "requests", [5, 5, 6, 5, 5]),
            Measurement.Missing("gone", "requests", "the writer refuses it"))]));

        text.Should().StartWith(ReadmeSection.Begin).And.EndWith(ReadmeSection.End);
        text.Should().Contain("**yaml**: 5 runs on 2030-01-02; 2 cores (Test CPU), 4 GiB, Test OS, load average 0.1 0.2 0.3 at the start; node v20.");
        text.Should().Contain("| Edit | 300 ms (100 ms – 500 ms) | npm yaml: 600 ms (400 ms – 1.00 s) | 0.50x (0.25x – 0.50x) |");
        text.Should().Contain("| Requests | 2 / 5 / n/a |  |  |");
        text.Should().Contain("- n/a (gone): the writer refuses it");
        text.Should().Contain("- A note.");
    }

    [Fact]
    public void Replacing_the_section_keeps_everything_outside_the_markers()
    {
        var readme = $"# Title\n\n## Benchmarks\n\n{ReadmeSection.Begin}\nold figures\n{ReadmeSection.End}\n\n## Layout\n";

        var replaced = ReadmeSection.Replace(readme, $"{ReadmeSection.Begin}\nnew\n{ReadmeSection.End}");

        replaced.Should().Be($"# Title\n\n## Benchmarks\n\n{ReadmeSection.Begin}\nnew\n{ReadmeSection.End}\n\n## Layout\n");
        ReadmeSection.Extract(replaced).Should().Be($"{ReadmeSection.Begin}\nnew\n{ReadmeSection.End}");
    }

    [Fact]
    public void A_readme_without_markers_is_refused_with_the_markers_to_add()
    {
        var act = () => ReadmeSection.Replace("# Title\n", "x");

        act.Should().Throw<BenchmarkException>().WithMessage($"*{ReadmeSection.Begin}*{ReadmeSection.End}*");
    }
}
