using Pipeline.Promotion;
using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>Where and how a pinned image is promoted.</summary>
public interface IHazGitOps : IHazGitHubAccess, IHazDryRun
{
    /// <summary>The GitOps repository: <c>owner/name</c> on GitHub, a git URL, or a local directory.</summary>
    [Parameter("The GitOps repository: owner/name on GitHub, a git URL (https://, file://), or a local directory.")]
    string? GitOpsRepository => TryGetValue<string>();

    /// <summary>The branch to promote to; the repository's default branch when null.</summary>
    [Parameter("Branch of the GitOps repository to promote to (default: its default branch).")]
    string? GitOpsBranch => TryGetValue<string>();

    /// <summary>A local spec file; null reads <c>promotion.yaml</c> from the GitOps branch.</summary>
    [Parameter("The promotion spec (default: promotion.yaml at the root of the GitOps branch).")]
    AbsolutePath? PromotionSpec => TryGetValue<AbsolutePath>();

    /// <summary>The app of the spec to promote; null for every app whose image is the pinned image's repository.</summary>
    [Parameter("The app of promotion.yaml to promote (default: every app whose image is the pinned image's repository; --write-method Dispatch needs it or --promotion-spec).")]
    string? GitOpsApp => TryGetValue<string>();

    /// <summary>Only these environments; empty for every environment whose rules match.</summary>
    [Parameter("Environments to promote to (default: every environment whose 'when' matches).")]
    string[] Environment => TryGetValue<string[]>() ?? [];

    /// <summary>How to write; by default graphql for GitHub, git for a URL, worktree for a directory.</summary>
    [Parameter("How to write: GraphQL, GitData, Contents, Git, Worktree or Dispatch (default: GraphQL for GitHub, Git for a URL, Worktree for a directory).")]
    WriteMethod? WriteMethod => TryGetValue<WriteMethod?>();

    /// <summary>Promote even though the source branch moved on since the built commit.</summary>
    [Parameter("Promote even though the source branch moved on while the image was built.")]
    bool AllowMovedSource => TryGetValue<bool?>() ?? false;

    /// <summary>Allow replacing a pin built from a newer source commit.</summary>
    [Parameter("Allow replacing a pin that was built from a newer source commit.")]
    bool Rollback => TryGetValue<bool?>() ?? false;

    /// <summary>
    /// Seconds a promotion keeps re-reading and re-applying while the GitOps branch is busy or GitHub fails for a moment;
    /// null for the budget of <see cref="PromotionSettings.DefaultRetry"/> (600).
    /// </summary>
    [Parameter("Seconds a promotion keeps re-reading and re-applying while the GitOps branch is busy or GitHub fails for a moment (default 600).")]
    int? PromotionBudget => TryGetValue<int?>();

    /// <summary>Promote without resolving the pinned digest in the registry (when it cannot be reached); the output says it was not checked.</summary>
    [Parameter("Promote without checking the pinned image in the registry (its digest, media type and platforms); the output says it was not checked.")]
    bool NoVerifyImage => TryGetValue<bool?>() ?? false;

    /// <summary>The pinned image to promote instead of <c>artifacts/image.json</c>.</summary>
    [Parameter("The pinned image to promote, repo:tag@sha256:... (default: artifacts/image.json from CaptureDigest).")]
    string? ImageReference => TryGetValue<string>();

    /// <summary>The tag written with the digest and matched by <c>when.tag</c>; the image's first tag when null.</summary>
    [Parameter("The tag written with the digest and matched by 'when: tag' in promotion.yaml, one of the image's tags (default: its first, the short commit SHA).")]
    string? PromoteTag => TryGetValue<string>();

    /// <summary>Where the promotion record goes.</summary>
    AbsolutePath PromotionRecordPath => ArtifactsDirectory / "promotion.json";
}
