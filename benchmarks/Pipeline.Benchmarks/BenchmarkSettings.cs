namespace Pipeline.Benchmarks;

/// <summary>How a benchmark invocation runs.</summary>
/// <param name="Root">The repository root.</param>
/// <param name="Runs">Runs per measured case (at least 5 to be recorded).</param>
/// <param name="Quick">Fewer cases and smaller sizes, to check the harness; never recorded.</param>
/// <param name="Log">Where progress goes.</param>
internal sealed record BenchmarkSettings(string Root, int Runs, bool Quick, Action<string> Log)
{
    /// <summary>Runs a recorded result needs: the README promises a median and spread over at least this many.</summary>
    public const int RecordedRuns = 5;

    public bool Recordable => Runs >= RecordedRuns && !Quick;
}

/// <summary>One suite of benchmarks: github, build, yaml, bootstrap or tool.</summary>
internal interface ISuite
{
    string Name { get; }

    Task<Results.SuiteResult> RunAsync(BenchmarkSettings settings, CancellationToken cancellationToken);
}
