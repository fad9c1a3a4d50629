using System.Globalization;
using Pipeline.Benchmarks.Results;

namespace Pipeline.Benchmarks.Report;

/// <summary>How figures read in the README and the console: seconds or milliseconds, counts with separators, ratios with x.</summary>
internal static class Figures
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Value(double value, string unit) => unit switch
    {
        "s" => Seconds(value),
        "ms" => Seconds(value / 1000),
        "requests" or "files" or "bytes" => Math.Round(value).ToString("N0", Invariant),
        _ => value.ToString("0.###", Invariant) + " " + unit,
    };

    public static string Seconds(double seconds) => seconds switch
    {
        >= 10 => seconds.ToString("0.0", Invariant) + " s",
        >= 1 => seconds.ToString("0.00", Invariant) + " s",
        >= 0.01 => (seconds * 1000).ToString("0", Invariant) + " ms",
        _ => (seconds * 1000).ToString("0.0", Invariant) + " ms",
    };

    /// <summary>The median, with the spread in brackets when the runs differ.</summary>
    public static string WithSpread(Measurement measurement) =>
        measurement.Median is not { } median ? "n/a"
        : measurement.Min == measurement.Max ? Value(median, measurement.Unit)
        : $"{Value(median, measurement.Unit)} ({Value(measurement.Min!.Value, measurement.Unit)} – {Value(measurement.Max!.Value, measurement.Unit)})";

    public static string Median(Measurement? measurement) =>
        measurement?.Median is { } median ? Value(median, measurement.Unit) : "n/a";

    public static string Ratio(double ratio) => ratio.ToString("0.00", Invariant) + "x";
}
