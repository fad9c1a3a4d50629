using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>Pins the pushed image by digest, proved from the registry.</summary>
public interface ICaptureDigest : IBuildMultiArchImage
{
    /// <summary>
    /// Resolves the pushed tag in the registry, checks it is the digest the build reported and that every platform is
    /// in the index, and rewrites <c>artifacts/image.json</c> as the pinned record (<c>repo:tag@sha256:...</c>).
    /// Runs alone in a later job from <c>artifacts/image.json</c>.
    /// </summary>
    Target CaptureDigest => _ => _
        .Description("Reads the pushed index digest back from the registry and proves every platform is in it.")
        .DependsOn(BuildMultiArchImage)
        .After(MergeImage)
        .Validates(check => ImageChecks.CheckCapture(this, check))
        .Produces("artifacts/image.json")
        .Executes(context => ImageTargets.CaptureAsync(this, context));
}
