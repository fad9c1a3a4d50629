using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>Writes the pinned image into the GitOps repository.</summary>
public interface IBumpGitOps : ICaptureDigest, IHazGitOps
{
    /// <summary>
    /// Promotes the image pinned by CaptureDigest (or <c>--image-reference</c>) to the environments of the spec:
    /// a direct commit or a pull request, guarded, idempotent; writes <c>artifacts/promotion.json</c>.
    /// </summary>
    Target BumpGitOps => _ => _
        .Description("Writes the pinned image into the GitOps repository (commit or pull request), per promotion.yaml.")
        .DependsOn(CaptureDigest)
        .Requires(() => GitOpsRepository)
        .Produces("artifacts/promotion.json")
        .Executes(context => GitOpsTargets.BumpAsync(this, context));
}

/// <summary>Test, build, pin and promote: the whole pipeline.</summary>
public interface IPromote : IBumpGitOps
{
    /// <summary>Test -> BuildMultiArchImage -> CaptureDigest -> BumpGitOps.</summary>
    Target Promote => _ => _
        .Description("Test -> BuildMultiArchImage -> CaptureDigest -> BumpGitOps.")
        .DependsOn(BumpGitOps);
}

/// <summary>The receiving side of <c>--write-method dispatch</c>: runs in the GitOps repository's workflow.</summary>
public interface IApplyDispatch : IHazGitOps, IHazImage
{
    /// <summary>The event or payload file; <c>$GITHUB_EVENT_PATH</c> by default.</summary>
    [Parameter("The repository_dispatch event (or payload) file (default: $GITHUB_EVENT_PATH).")]
    AbsolutePath? DispatchEvent => TryGetValue<AbsolutePath>();

    /// <summary>Applies a promotion sent with <c>repository_dispatch</c>: only apps and environments the spec names.</summary>
    Target ApplyDispatch => _ => _
        .Description("Applies a repository_dispatch promotion: only apps and environments promotion.yaml names, tag and digest validated.")
        .Requires(() => GitOpsRepository)
        .Produces("artifacts/promotion.json")
        .Executes(context => GitOpsTargets.ApplyDispatchAsync(this, context));
}
