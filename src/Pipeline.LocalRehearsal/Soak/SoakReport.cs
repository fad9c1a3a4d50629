using System.Text;

namespace Pipeline.LocalRehearsal.Soak;

/// <summary>Every writer's soak run, and the table that prints them.</summary>
/// <param name="Options">What was run.</param>
/// <param name="Runs">One run per writer.</param>
public sealed record SoakReport(SoakOptions Options, IReadOnlyList<SoakRun> Runs)
{
    /// <summary>Whether every run converged: all landed exactly once, none lost, every file right.</summary>
    public bool Converged => Runs.All(r => r.Converged);

    /// <summary>The table: landed/attempted, lost, duplicated, wrong files, re-reads per promotion (median, p95), wall time, requests, and the most common errors.</summary>
    public string ToText()
    {
        var text = new StringBuilder()
            .AppendLine($"Soak: {Options.FaultPercent}% injected faults (502/503/429 on reads; 502/409/422/429 on writes), seed {Options.Seed}"
                + (Options.SharedQueue ? "" : ", each promoter on its own (no shared per-branch queue)"))
            .AppendLine(SoakRun.Header);
        foreach (var run in Runs)
        {
            text.AppendLine(run.Row());
        }

        foreach (var run in Runs.Where(r => r.Errors.Count > 0))
        {
            text.AppendLine().AppendLine($"{run.Writer}: most common errors");
            foreach (var (error, count) in run.Errors)
            {
                text.AppendLine($"  {count,4} x {error}");
            }
        }

        return text.ToString();
    }
}
