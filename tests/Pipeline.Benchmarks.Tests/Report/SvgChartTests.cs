using System.Xml.Linq;
using Pipeline.Benchmarks.Report;
using Pipeline.Benchmarks.Results;

namespace Pipeline.Benchmarks.Tests.Report;

public sealed class SvgChartTests
{
    private static readonly Curve Curve = new("c", "Requests <against> files", "files", "requests",
    [
        new Series("graphql", [new CurvePoint(1, 2, 2, 2), new CurvePoint(100, 2, 2, 3)]),
        new Series("git-data", [new CurvePoint(1, 12, 11, 13), new CurvePoint(100, 210, 200, 220)]),
    ])
    { LogX = true, LogY = true };

    [Fact]
    public void Draws_a_line_per_series_a_spread_bar_per_point_and_a_legend_as_well_formed_svg()
    {
        var svg = XDocument.Parse(SvgChart.Render(Curve));
        XNamespace ns = "http://www.w3.org/2000/svg";

        svg.Root!.Name.Should().Be(ns + "svg");
        svg.Descendants(ns + "polyline").Should().HaveCount(2);
        svg.Descendants(ns + "circle").Should().HaveCount(4);
        svg.Descendants(ns + "text").Select(t => t.Value).Should().Contain(["Requests <against> files", "graphql", "git-data", "1", "2", "5", "10", "100", "500"]);
    }

    [Fact]
    public void The_same_curve_draws_the_same_bytes() =>
        SvgChart.Render(Curve).Should().Be(SvgChart.Render(Curve with { Series = [.. Curve.Series] }));
}
