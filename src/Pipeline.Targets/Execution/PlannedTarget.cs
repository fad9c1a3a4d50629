namespace Pipeline.Targets;

/// <summary>A target in the plan and what happens to it as the build runs.</summary>
internal sealed class PlannedTarget
{
    public PlannedTarget(TargetSpec spec) => Spec = spec;

    public TargetSpec Spec { get; }
    public string Name => Spec.Name;
    public TargetStatus? Status { get; set; }
    public string? Reason { get; set; }
    public TimeSpan Duration { get; set; }
    public TargetContext? Context { get; set; }

    /// <summary>Skipped by a static condition or <c>--skip</c>, so its <c>WhenSkipped</c> behaviour applies.</summary>
    public bool SkippedStatically { get; set; }

    public void Skip(string reason, bool statically = true)
    {
        Status = TargetStatus.Skipped;
        Reason = reason;
        SkippedStatically = statically;
    }

    public TargetOutcome ToOutcome() => new(
        Name,
        Status ?? TargetStatus.NotRun,
        Reason,
        Duration,
        Context?.Facts ?? []);
}
