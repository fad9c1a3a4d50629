using Pipeline.Promotion.Edits;

namespace Pipeline.Promotion;

/// <summary>What happened to one environment.</summary>
public enum PromotionStatus
{
    /// <summary>A commit landed on the branch.</summary>
    Committed,

    /// <summary>Files were written to a worktree (no commit).</summary>
    Written,

    /// <summary>A pull request was opened.</summary>
    PullRequestOpened,

    /// <summary>The live pull request was updated with the new pin.</summary>
    PullRequestUpdated,

    /// <summary>The pull request was merged (at once, or by auto-merge before the promotion returned).</summary>
    PullRequestMerged,

    /// <summary>The pin was already in place (or already proposed by the live pull request): nothing was written.</summary>
    AlreadyPromoted,

    /// <summary>A dry run: the diff and the steps, nothing written.</summary>
    DryRun,

    /// <summary>A <c>repository_dispatch</c> was sent for the GitOps repository to apply.</summary>
    Dispatched,

    /// <summary>The environment was asked for but its <c>when</c> does not match the image; see <see cref="PromotionResult.Reason"/>.</summary>
    NotRouted,
}

/// <summary>
/// The outcome for one app and environment: what changed (with diffs), the commit or pull request, or why nothing
/// was written. Serialised in <c>artifacts/promotion.json</c>.
/// </summary>
/// <param name="App">The app.</param>
/// <param name="Environment">The environment.</param>
/// <param name="Status">What happened.</param>
public sealed record PromotionResult(string App, string Environment, PromotionStatus Status)
{
    /// <summary>The pinned image reference.</summary>
    public string? Image { get; init; }

    /// <summary>The GitOps repository.</summary>
    public string? Repository { get; init; }

    /// <summary>The target branch.</summary>
    public string? Branch { get; init; }

    /// <summary>The write method used.</summary>
    public WriteMethod Method { get; init; }

    /// <summary>The files that changed (or would change, in a dry run).</summary>
    public IReadOnlyList<PromotedFile> Files { get; init; } = [];

    /// <summary>The commit made: on the branch, on the pull request branch, or the merge commit.</summary>
    public string? CommitSha { get; init; }

    /// <summary>The pull request's web address.</summary>
    public string? PullRequestUrl { get; init; }

    /// <summary>The pull request's number.</summary>
    public int? PullRequestNumber { get; init; }

    /// <summary>The pull request's branch.</summary>
    public string? PullRequestBranch { get; init; }

    /// <summary>The pull request this one replaced and closed.</summary>
    public string? SupersededPullRequestUrl { get; init; }

    /// <summary>The commit message (with trailers), as written or as it would be.</summary>
    public string? Message { get; init; }

    /// <summary>Why nothing was written, for <see cref="PromotionStatus.AlreadyPromoted"/> and <see cref="PromotionStatus.NotRouted"/>.</summary>
    public string? Reason { get; init; }

    /// <summary>What the promotion did or, in a dry run, would do, in order.</summary>
    public IReadOnlyList<string> Steps { get; init; } = [];

    /// <summary>Guards that were skipped or overridden, fallbacks taken, and other facts worth a look.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>How many read-apply-write attempts it took (more than one after conflicts).</summary>
    public int Attempts { get; init; }

    /// <summary>True when nothing was written because the pin was already in place.</summary>
    public bool AlreadyPinned => Status == PromotionStatus.AlreadyPromoted;
}

/// <summary>One file a promotion changed.</summary>
/// <param name="Path">The path in the repository.</param>
/// <param name="Changes">The values changed.</param>
/// <param name="Diff">A unified diff of the change.</param>
public sealed record PromotedFile(string Path, IReadOnlyList<ManifestChange> Changes, string Diff);
