using System.Globalization;
using System.Net;
using System.Text;
using Pipeline.Benchmarks.Results;

namespace Pipeline.Benchmarks.Report;

/// <summary>
/// Draws a curve as a self-contained SVG line chart: axes with ticks (linear or powers of ten), one line per series
/// through the medians, a bar from the smallest to the largest run at each point, and a legend. Plain text output,
/// byte for byte the same for the same results, so the committed plots can be checked against the results file.
/// </summary>
internal static class SvgChart
{
    private const double Width = 720, Height = 440, Left = 80, Right = 170, Top = 50, Bottom = 60;
    private static readonly string[] Colors = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"];

    public static string Render(Curve curve)
    {
        var points = curve.Series.SelectMany(s => s.Points).ToList();
        var x = Axis.For(points.Select(p => p.X), curve.LogX, Left, Width - Right, pad: false);
        var y = Axis.For(points.SelectMany(p => new[] { p.Min, p.Max }), curve.LogY, Height - Bottom, Top, pad: true);
        var svg = new StringBuilder();
        svg.Append(F($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">\n"));
        svg.Append(F($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n"));
        svg.Append(F($"<text x=\"{Width / 2}\" y=\"24\" text-anchor=\"middle\" font-size=\"15\">{Escape(curve.Title)}</text>\n"));
        foreach (var tick in x.Ticks)
        {
            var at = x.Map(tick);
            svg.Append(F($"<line x1=\"{at:0.#}\" y1=\"{Top}\" x2=\"{at:0.#}\" y2=\"{Height - Bottom}\" stroke=\"#e5e5e5\"/>\n"));
            svg.Append(F($"<text x=\"{at:0.#}\" y=\"{Height - Bottom + 18}\" text-anchor=\"middle\">{Label(tick)}</text>\n"));
        }

        foreach (var tick in y.Ticks)
        {
            var at = y.Map(tick);
            svg.Append(F($"<line x1=\"{Left}\" y1=\"{at:0.#}\" x2=\"{Width - Right}\" y2=\"{at:0.#}\" stroke=\"#e5e5e5\"/>\n"));
            svg.Append(F($"<text x=\"{Left - 8}\" y=\"{at + 4:0.#}\" text-anchor=\"end\">{Label(tick)}</text>\n"));
        }

        svg.Append(F($"<rect x=\"{Left}\" y=\"{Top}\" width=\"{Width - Left - Right}\" height=\"{Height - Top - Bottom}\" fill=\"none\" stroke=\"#333\"/>\n"));
        svg.Append(F($"<text x=\"{(Left + Width - Right) / 2}\" y=\"{Height - 16}\" text-anchor=\"middle\">{Escape(curve.XLabel)}{(curve.LogX ? " (log scale)" : "")}</text>\n"));
        svg.Append(F($"<text transform=\"translate(20 {(Top + Height - Bottom) / 2}) rotate(-90)\" text-anchor=\"middle\">{Escape(curve.YLabel)}{(curve.LogY ? " (log scale)" : "")}</text>\n"));
        for (var i = 0; i < curve.Series.Count; i++)
        {
            var series = curve.Series[i];
            var color = Colors[i % Colors.Length];
            var path = string.Join(' ', series.Points.Select(p => F($"{x.Map(p.X):0.#},{y.Map(p.Median):0.#}")));
            svg.Append(F($"<polyline points=\"{path}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\"/>\n"));
            foreach (var point in series.Points)
            {
                var (px, low, high, mid) = (x.Map(point.X), y.Map(point.Min), y.Map(point.Max), y.Map(point.Median));
                svg.Append(F($"<line x1=\"{px:0.#}\" y1=\"{low:0.#}\" x2=\"{px:0.#}\" y2=\"{high:0.#}\" stroke=\"{color}\"/>\n"));
                svg.Append(F($"<circle cx=\"{px:0.#}\" cy=\"{mid:0.#}\" r=\"3\" fill=\"{color}\"><title>{Escape(series.Name)}: {Label(point.X)} → {Label(point.Median)} ({Label(point.Min)} – {Label(point.Max)})</title></circle>\n"));
            }

            var legend = Top + 10 + (i * 20);
            svg.Append(F($"<line x1=\"{Width - Right + 12}\" y1=\"{legend}\" x2=\"{Width - Right + 36}\" y2=\"{legend}\" stroke=\"{color}\" stroke-width=\"2\"/>\n"));
            svg.Append(F($"<text x=\"{Width - Right + 42}\" y=\"{legend + 4}\">{Escape(series.Name)}</text>\n"));
        }

        return svg.Append("</svg>\n").ToString();
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static string Label(double value) => value switch
    {
        >= 1_000_000 when value % 1_000_000 == 0 => (value / 1_000_000).ToString("0", CultureInfo.InvariantCulture) + "M",
        >= 1_000 when value % 1_000 == 0 => (value / 1_000).ToString("0", CultureInfo.InvariantCulture) + "k",
        >= 100 => value.ToString("0", CultureInfo.InvariantCulture),
        >= 1 => value.ToString("0.##", CultureInfo.InvariantCulture),
        _ => value.ToString("0.###", CultureInfo.InvariantCulture),
    };

    /// <summary>Maps data to pixels, linearly or by powers of ten, and picks round ticks.</summary>
    private sealed record Axis(double Low, double High, bool Log, double From, double To, IReadOnlyList<double> Ticks)
    {
        public static Axis For(IEnumerable<double> values, bool log, double from, double to, bool pad)
        {
            var list = values.Where(v => !log || v > 0).DefaultIfEmpty(1).ToList();
            if (log)
            {
                // Bounds and ticks on the 1-2-5 series; over more than two decades only the powers of ten are labelled.
                var steps = Enumerable.Range(-4, 12).SelectMany(e => new[] { 1, 2, 5 }.Select(m => m * Math.Pow(10, e))).ToList();
                var low = pad ? steps.Last(t => t < list.Min() * 0.9999) : steps.Last(t => t <= list.Min() * 1.0001);
                var high = steps.First(t => t >= list.Max() * 0.9999 && t > low);
                var decades = Math.Log10(high / low);
                var ticks = steps.Where(t => t >= low * 0.9999 && t <= high * 1.0001)
                    .Where(t => decades <= 2 || Math.Abs(Math.Log10(t) - Math.Round(Math.Log10(t))) < 1e-9 || t == low || t == high)
                    .ToList();
                return new Axis(low, high, true, from, to, ticks);
            }

            var top = list.Max() <= 0 ? 1 : list.Max();
            var step = Step(top / 5);
            var end = Math.Ceiling(top / step) * step;
            return new Axis(0, end, false, from, to, Enumerable.Range(0, (int)Math.Round(end / step) + 1).Select(i => i * step).ToList());
        }

        public double Map(double value)
        {
            var share = Log ? (Math.Log10(Math.Max(value, Low)) - Math.Log10(Low)) / (Math.Log10(High) - Math.Log10(Low)) : (value - Low) / (High - Low);
            return From + (share * (To - From));
        }

        private static double Step(double rough)
        {
            var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
            var normalized = rough / magnitude;
            return magnitude * (normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 5 ? 5 : 10);
        }
    }
}
