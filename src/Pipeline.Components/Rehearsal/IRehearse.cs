using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>
/// A full local rehearsal of <see cref="IPromote"/> with no cloud account: local infrastructure, then the same Promote
/// code paths against it (and the GitOps repository's <see cref="IApplyDispatch"/> for <c>--write-method Dispatch</c>),
/// then proof that the result is right.
/// </summary>
public interface IRehearse : IPromote, IApplyDispatch
{
    /// <summary>The local infrastructure, e.g. <c>new LocalRehearsalInfrastructure()</c> from Pipeline.Rehearsal.</summary>
    IRehearsalInfrastructure RehearsalInfrastructure { get; }

    /// <summary>The GitOps files the rehearsal's repository starts with: by default the GitOps repository when that is a local directory.</summary>
    [Parameter("Your GitOps repository's files, with its promotion.yaml, as they are: they seed the rehearsal's GitOps repository (default: --gitops-repository when it is a local directory).")]
    AbsolutePath? RehearsalGitOps => TryGetValue<AbsolutePath>()
        ?? (GitOpsRepository is { } repository && Directory.Exists(Path.Combine(RootDirectory, repository)) ? RootDirectory / repository : null);

    /// <summary>The image the rehearsal builds; null for the rehearsed app's image on <c>localhost:5780</c>.</summary>
    [Parameter("Image the rehearsal builds, on a loopback registry it starts (default: the app's image in promotion.yaml moved onto localhost:5780, e.g. ghcr.io/org/app -> localhost:5780/org/app).")]
    string? RehearsalImage => TryGetValue<string>();

    /// <summary>A command to run the pinned image with, as proof that it runs on this machine; null runs nothing.</summary>
    [Parameter("Run the pinned image once with this command (docker run --rm --network none IMAGE <command>) as proof that it runs; a JSON line with \"commit\" is checked against the build (default: the image is not run).")]
    string? RehearsalRun => TryGetValue<string>();

    /// <summary>How long <see cref="RehearsalRun"/> may take before the container is stopped and removed.</summary>
    [Parameter("Seconds --rehearsal-run may take before its container is stopped and removed (default 60).")]
    int RehearsalRunTimeout => TryGetValue<int?>() ?? 60;

    /// <summary>Forget earlier rehearsals: a fresh registry and GitOps repository.</summary>
    [Parameter("Start from scratch: delete the rehearsal's registry, GitOps repository and App key first.")]
    bool RehearsalReset => TryGetValue<bool?>() ?? false;

    /// <summary>Where rehearsal state lives between runs.</summary>
    AbsolutePath RehearsalDirectory => TemporaryDirectory / "rehearsal";

    /// <summary>
    /// Brings up a Docker engine, a registry on loopback and a local GitHub API server with the GitOps repository and
    /// an App, runs Promote against them (Test is left to <c>Test</c>), applies dispatched promotions as the GitOps
    /// repository's workflow would, then proves the pins and the index (and runs the image when asked). A second run
    /// builds nothing new and writes nothing.
    /// </summary>
    Target Rehearse => _ => _
        .Description("Promote rehearsed locally: local registry, local GitHub API server and GitOps repository seeded from your GitOps files, same code paths; then proves the result.")
        .Requires(() => RehearsalGitOps)
        .Produces("artifacts/image.json", "artifacts/promotion.json", "artifacts/rehearsals.json")
        .Executes(context => RehearsalFlow.RunAsync(this, context));
}
