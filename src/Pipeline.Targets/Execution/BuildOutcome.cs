namespace Pipeline.Targets;

/// <summary>The status of a target at the end of a build.</summary>
public enum TargetStatus
{
    /// <summary>Ran and succeeded.</summary>
    Succeeded,

    /// <summary>Ran and failed.</summary>
    Failed,

    /// <summary>Skipped, with a reason (a condition, <c>--skip</c>, <c>--continue</c>).</summary>
    Skipped,

    /// <summary>Not run because an earlier target failed or a dependency did not succeed.</summary>
    NotRun,

    /// <summary>Was running when the build was cancelled (Ctrl-C, SIGTERM).</summary>
    Aborted,
}

/// <summary>What happened to one planned target.</summary>
/// <param name="Name">The target's name.</param>
/// <param name="Status">Its final status.</param>
/// <param name="Reason">Why it was skipped, not run, or failed.</param>
/// <param name="Duration">How long it ran.</param>
/// <param name="Facts">Facts the target reported for the summary.</param>
public sealed record TargetOutcome(string Name, TargetStatus Status, string? Reason, TimeSpan Duration, IReadOnlyList<KeyValuePair<string, string>> Facts);

/// <summary>The result of running a build.</summary>
/// <param name="ExitCode">0 on success, 1 when a target failed, 2 for an invalid invocation or build definition, 130 when cancelled.</param>
/// <param name="Targets">The planned targets in execution order (empty when nothing was planned).</param>
public sealed record BuildOutcome(int ExitCode, IReadOnlyList<TargetOutcome> Targets)
{
    /// <summary>Exit code of a build whose targets all succeeded or were skipped.</summary>
    public const int Success = 0;

    /// <summary>Exit code when a target failed.</summary>
    public const int Failure = 1;

    /// <summary>Exit code for an invalid invocation or build definition; nothing ran.</summary>
    public const int InvalidInvocation = 2;

    /// <summary>Exit code when the build was cancelled.</summary>
    public const int Cancelled = 130;

    /// <summary>The outcome of the named target, if it was planned.</summary>
    public TargetOutcome? this[string name] => Targets.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
}
