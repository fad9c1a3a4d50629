using Pipeline.Containers;
using Pipeline.GitHub;

namespace Pipeline.Promotion;

/// <summary>
/// Where and how a promotion writes: the GitOps repository and branch, the spec, which environments, how to write,
/// the credentials and the guards. A <see cref="PromotionRequest"/> adds the pinned image; a dispatch receiver is given
/// settings alone, since the image comes with the event. Immutable; derive with <c>with</c>.
/// </summary>
/// <param name="Target">The GitOps repository.</param>
public record PromotionSettings(PromotionTarget Target)
{
    /// <summary>Where the image was built from; feeds the guards, the templates and the trailers.</summary>
    public PromotionSource Source { get; init; } = PromotionSource.Unknown;

    /// <summary>The branch to promote to; the repository's default branch when null.</summary>
    public string? Branch { get; init; }

    /// <summary>The spec, already parsed. When both this and <see cref="SpecPath"/> are null, <c>promotion.yaml</c> is read from the target branch.</summary>
    public PromotionSpec? Spec { get; init; }

    /// <summary>A local path of the spec file.</summary>
    public string? SpecPath { get; init; }

    /// <summary>The app to promote; null for every app whose image is the promoted image's repository.</summary>
    public string? App { get; init; }

    /// <summary>Only these environments (each must exist and still match its <c>when</c>); empty for all that match.</summary>
    public IReadOnlyList<string> Environments { get; init; } = [];

    /// <summary>How to write; by default graphql for a GitHub repository, git for a URL, worktree for a directory.</summary>
    public WriteMethod? WriteMethod { get; init; }

    /// <summary>Read, edit and report the diff and the steps, but write nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>Promote even though the source branch moved on since the built commit, or its head cannot be read (the moved-source guard is off).</summary>
    public bool AllowMovedSource { get; init; }

    /// <summary>Allow replacing a pin built from a newer source commit, or one whose age cannot be compared (the monotonic guard is off).</summary>
    public bool Rollback { get; init; }

    /// <summary>The CI run's web address, for the <c>CI-Run:</c> trailer and the pull request body.</summary>
    public string? CiRunUrl { get; init; }

    /// <summary>
    /// The credential for the GitOps repository: a token, an installation token provider, or a <see cref="GitHubApp"/>
    /// (its installation on the repository is looked up and its tokens minted, also for an HTTPS git URL of a repository
    /// on GitHub, since git hosts take installation tokens but not App JWTs). Null only for <c>file://</c> and directories.
    /// </summary>
    public IGitHubCredentials? Credentials { get; init; }

    /// <summary>
    /// How to read the source repository's history, for the moved-source and monotonic guards. When null and the source
    /// repository is an <c>owner/name</c>, the GitHub compare API is asked through the GitOps credentials. A guard whose
    /// question no history can answer refuses the promotion, unless <see cref="AllowMovedSource"/> or
    /// <see cref="Rollback"/> turns it off (the result then says it was off).
    /// </summary>
    public ISourceHistory? SourceHistory { get; init; }

    /// <summary>A received dispatch: the sender ran the moved-source guard before it sent the event.</summary>
    internal bool Dispatched { get; init; }

    /// <summary>The author and committer of commits made by the <c>git</c> writer.</summary>
    public GitIdentity Committer { get; init; } = new("Pipeline Promotion", "promotion@pipeline.invalid");

    /// <summary>The <c>event_type</c> of a dispatch (<see cref="Promotion.WriteMethod.Dispatch"/>).</summary>
    public string DispatchEventType { get; init; } = PromotionDispatch.DefaultEventType;

    /// <summary>
    /// How long to keep re-reading and re-applying while the branch is busy or GitHub fails for a moment (default
    /// <see cref="DefaultRetry"/>). Each attempt re-reads the branch, re-applies the edits to the fresh head and writes
    /// again; between attempts it waits a decorrelated-jitter delay (<see cref="RetryOptions.NextDelay"/>), or longer
    /// when GitHub asks; it gives up when the budget is spent, and the error says after how many attempts, how long,
    /// and on which head.
    /// </summary>
    public RetryOptions Retry { get; init; } = DefaultRetry;

    /// <summary>
    /// A budget of ten minutes and no limit on attempts, waits from 100 ms up to 15 s. Why a time budget and not a
    /// number of attempts: with N promoters on one branch, one of them wins each round, so the last one needs about N
    /// attempts however lucky it is. A fixed count fails the promoters that came late while the branch is merely busy;
    /// the time a busy branch needs is what a CI job can afford, so that is what is bounded. Why 15 s at most: with
    /// many promoters in separate processes on one branch, only one attempt in each write's time can win, so waits
    /// must grow until the others stop crowding the branch. The build takes the budget from <c>--promotion-budget</c>.
    /// </summary>
    public static RetryOptions DefaultRetry { get; } = new()
    {
        MaxAttempts = null,
        Budget = TimeSpan.FromMinutes(10),
        BaseDelay = TimeSpan.FromMilliseconds(100),
        MaxDelay = TimeSpan.FromSeconds(15),
    };

    /// <summary>
    /// How many commits of the target branch that changed the environment's files to search for its last promotion
    /// (the GitHub writers list them one request per 100 commits; the git writer reads its clone).
    /// </summary>
    public int HistoryDepth { get; init; } = 50;
}

/// <summary>Where an image was built from.</summary>
/// <param name="Repository">The source repository, <c>owner/name</c> or a URL; null when unknown.</param>
/// <param name="Commit">The commit the image was built from; null when unknown.</param>
public sealed record PromotionSource(string? Repository, string? Commit)
{
    /// <summary>Nothing known about the source.</summary>
    public static PromotionSource Unknown { get; } = new(null, null);

    /// <summary>The branch that was built (for routing and the moved-source guard).</summary>
    public string? Branch { get; init; }

    /// <summary>The source commit's message (its first line is used in templates).</summary>
    public string? Message { get; init; }
}
