using Pipeline.Benchmarks.Results;

namespace Pipeline.Benchmarks.Tests.Results;

public sealed class ResultsDocumentTests
{
    private static SuiteResult Suite(string name, double value) =>
        new(name, DateTimeOffset.UnixEpoch, 5, new MachineFacts(2, "cpu", 1, "os", "0"), new Dictionary<string, string> { ["git"] = "2" })
        {
            Measurements = [new Measurement($"{name}/x", "s", [value, value + 1])],
            Curves = [new Curve($"{name}-curve", "t", "x", "y", [new Series("s", [new CurvePoint(1, 2, 1, 3)])]) { LogX = true }],
        };

    [Fact]
    public void A_new_result_replaces_its_suite_and_keeps_the_others_in_suite_order()
    {
        var document = new ResultsDocument().With([Suite("yaml", 1), Suite("github", 1)]).With([Suite("yaml", 7)]);

        document.Suites.Select(s => s.Suite).Should().Equal("github", "yaml");
        document.Suite("yaml")!.Measurements.Single().Samples.Should().Equal(7, 8);
    }

    [Fact]
    public void Written_results_read_back_the_same()
    {
        var path = Path.Combine(Path.GetTempPath(), $"results-{Guid.NewGuid():N}.json");
        try
        {
            var document = new ResultsDocument().With([Suite("github", 1), Suite("bootstrap", 2)]);
            document.Write(path);

            ResultsDocument.Read(path).ToJson().Should().Be(document.ToJson());
            File.ReadAllText(path).Should().Contain("\"median\": 1.5");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_results_file_is_written_for_people_with_plus_quotes_and_angle_brackets_as_themselves()
    {
        var suite = Suite("github", 1) with { Versions = new Dictionary<string, string> { ["git"] = "2.47.3+deb13", ["note"] = "`git push` <5 s, isn't it" } };

        var json = new ResultsDocument().With([suite]).ToJson();

        json.Should().Contain("\"2.47.3+deb13\"").And.Contain("\"`git push` <5 s, isn't it\"").And.NotContain("\\u00");
        System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("suites")[0].GetProperty("versions").GetProperty("note").GetString()
            .Should().Be("`git push` <5 s, isn't it");
    }

    [Fact]
    public void The_committed_results_have_no_escaped_characters()
    {
        var committed = File.ReadAllText(Path.Combine(Repository.Root, "benchmarks", "results.json"));

        committed.Should().NotContain("\\u00", "benchmarks/results.json is read by people and written with the relaxed encoder");
    }

    [Theory]
    [InlineData(new double[] { 3, 1, 2 }, 2)]
    [InlineData(new double[] { 4, 1, 3, 2 }, 2.5)]
    [InlineData(new double[] { 5 }, 5)]
    public void Median_is_the_middle_sample_or_the_mean_of_the_two_middle_ones(double[] samples, double median) =>
        Statistics.Median(samples).Should().Be(median);

    [Fact]
    public void Ratios_pair_runs_in_order_and_need_equal_counts()
    {
        Statistics.Ratios([1, 4], [2, 2]).Should().Equal(0.5, 2);
        Statistics.Ratios([1, 4], [2]).Should().BeEmpty();
    }
}
