namespace Pipeline.Rehearsal.GitHub;

/// <summary>
/// Protection rules of one branch. A direct write (REST, GraphQL or git push) to a protected branch is rejected
/// the way GitHub rejects it, unless the writer is a GitHub App listed in <see cref="BypassApps"/>.
/// </summary>
public sealed record BranchProtection
{
    /// <summary>Changes must arrive through a merged pull request.</summary>
    public bool RequirePullRequest { get; init; } = true;

    /// <summary>Check names that must have concluded with success on a pull request's head before it merges.</summary>
    public IReadOnlyList<string> RequiredChecks { get; init; } = [];

    /// <summary>Slugs of GitHub Apps allowed to write to the branch directly.</summary>
    public IReadOnlyList<string> BypassApps { get; init; } = [];

    /// <summary>Allow non-fast-forward updates of the branch (GitHub's "Allow force pushes").</summary>
    public bool AllowForcePushes { get; init; }
}

/// <summary>The outcome of a check run or commit status on a commit.</summary>
public enum CheckConclusion
{
    /// <summary>Still running; blocks auto-merge.</summary>
    Pending,

    /// <summary>Passed.</summary>
    Success,

    /// <summary>Failed; blocks auto-merge.</summary>
    Failure,
}
