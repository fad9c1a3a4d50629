using System.Text.Json.Serialization;

namespace Pipeline.Benchmarks.Results;

/// <summary>
/// One measured quantity: every sample, in run order, and their median and spread. A measurement that could not be
/// taken (the writer refuses the case, the tool is not installed) has no samples and says why.
/// </summary>
/// <param name="Id">Stable name, <c>suite/subject/case/quantity</c>.</param>
/// <param name="Unit"><c>s</c>, <c>ms</c>, <c>requests</c>, <c>files</c> or <c>bytes</c>.</param>
/// <param name="Samples">One value per run.</param>
internal sealed record Measurement(string Id, string Unit, IReadOnlyList<double> Samples)
{
    /// <summary>Why there are no samples.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Unavailable { get; init; }

    /// <summary>What one run did, when that explains the figure (the requests a promotion sent).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Detail { get; init; }

    /// <summary>The middle sample (the mean of the two middle ones for an even count).</summary>
    public double? Median => Statistics.Median(Samples);

    /// <summary>The smallest sample.</summary>
    public double? Min => Samples.Count == 0 ? null : Samples.Min();

    /// <summary>The largest sample.</summary>
    public double? Max => Samples.Count == 0 ? null : Samples.Max();

    public static Measurement Missing(string id, string unit, string reason) => new(id, unit, []) { Unavailable = reason };
}

/// <summary>Median and spread of samples.</summary>
internal static class Statistics
{
    public static double? Median(IReadOnlyList<double> samples)
    {
        if (samples.Count == 0)
        {
            return null;
        }

        var sorted = samples.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>Run-by-run ratios of two equally long sample lists (run i of one over run i of the other).</summary>
    public static IReadOnlyList<double> Ratios(IReadOnlyList<double> numerator, IReadOnlyList<double> denominator) =>
        numerator.Count == denominator.Count && denominator.All(d => d > 0)
            ? numerator.Zip(denominator, (n, d) => n / d).ToList()
            : [];
}
