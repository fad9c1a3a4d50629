namespace Pipeline.Benchmarks.Results;

/// <summary>
/// What one suite measured in one invocation: when, on which machine, with which tool versions, how many runs,
/// every measurement, the rows the README shows, and the scale curves.
/// </summary>
internal sealed record SuiteResult(string Suite, DateTimeOffset At, int Runs, MachineFacts Machine, IReadOnlyDictionary<string, string> Versions)
{
    /// <summary>True for a quick run (fewer cases, smaller sizes); never recorded.</summary>
    public bool Quick { get; init; }

    public IReadOnlyList<Measurement> Measurements { get; init; } = [];

    public IReadOnlyList<HeadlineRow> Rows { get; init; } = [];

    public IReadOnlyList<Curve> Curves { get; init; } = [];

    /// <summary>What the reader must know to read the figures (which baseline stood in for which, what was skipped).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public Measurement? Find(string id) => Measurements.FirstOrDefault(m => m.Id == id);
}

/// <summary>The machine the figures come from.</summary>
internal sealed record MachineFacts(int Cores, string Cpu, double MemoryGiB, string OperatingSystem, string LoadAverage);

/// <summary>
/// One line of the README's table. <see cref="Ours"/> lists measurement ids shown side by side (1 / 3 / 10 files);
/// with a <see cref="Baseline"/> of the same length the row also shows the baseline and the ratio of medians
/// (ours / baseline: below 1 means Pipeline took less).
/// </summary>
internal sealed record HeadlineRow(string Measure, IReadOnlyList<string> Ours)
{
    public IReadOnlyList<string> Baseline { get; init; } = [];

    public string? BaselineName { get; init; }

    /// <summary>False where a ratio means nothing (counts of changed files, where the baseline is the one that changes them).</summary>
    public bool ShowRatio { get; init; } = true;
}

/// <summary>A scale curve: one or more series of cost against work, drawn as one SVG.</summary>
internal sealed record Curve(string Id, string Title, string XLabel, string YLabel, IReadOnlyList<Series> Series)
{
    public bool LogX { get; init; }

    public bool LogY { get; init; }
}

/// <summary>One line of a curve.</summary>
internal sealed record Series(string Name, IReadOnlyList<CurvePoint> Points);

/// <summary>A point with its spread over the runs.</summary>
internal sealed record CurvePoint(double X, double Median, double Min, double Max)
{
    public static CurvePoint? From(double x, Measurement measurement) =>
        measurement.Median is { } median ? new CurvePoint(x, median, measurement.Min!.Value, measurement.Max!.Value) : null;
}
