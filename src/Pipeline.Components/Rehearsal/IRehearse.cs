using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>
/// A full local rehearsal of <see cref="IPromote"/> with no cloud account: local infrastructure, then the same Promote
/// code paths against it, then proof that the result is right.
/// </summary>
public interface IRehearse : IPromote
{
    /// <summary>The local infrastructure, e.g. <c>new LocalRehearsalInfrastructure()</c> from Pipeline.Rehearsal.</summary>
    IRehearsalInfrastructure RehearsalInfrastructure { get; }

    /// <summary>The image the rehearsal builds; its registry is the local one, on the port it names.</summary>
    [Parameter("Image the rehearsal builds and promotes; its registry (localhost:<port>) is started locally.")]
    string RehearsalImage => TryGetValue<string>() ?? "localhost:5780/demo-service";

    /// <summary>The files the GitOps repository starts with.</summary>
    [Parameter("Directory whose files seed the rehearsal's GitOps repository (with its promotion.yaml).")]
    AbsolutePath RehearsalGitOps => TryGetValue<AbsolutePath>() ?? RootDirectory / "samples" / "gitops";

    /// <summary>Forget earlier rehearsals: a fresh registry and GitOps repository.</summary>
    [Parameter("Start from scratch: delete the rehearsal's registry, GitOps repository and App key first.")]
    bool RehearsalReset => TryGetValue<bool?>() ?? false;

    /// <summary>Where rehearsal state lives between runs.</summary>
    AbsolutePath RehearsalDirectory => TemporaryDirectory / "rehearsal";

    /// <summary>
    /// Brings up a Docker engine, a registry on loopback and a local GitHub API server with the GitOps repository and
    /// an App, runs Promote against them (Test is left to <c>./build.sh Test</c>), then proves the pin, the index, and
    /// that the image runs and reports its commit. A second run builds nothing new and writes nothing.
    /// </summary>
    Target Rehearse => _ => _
        .Description("Promote rehearsed locally: local registry, local GitHub API server and GitOps repository, same code paths; then proves the result.")
        .Produces("artifacts/image.json", "artifacts/promotion.json", "artifacts/rehearsals.json")
        .Executes(context => RehearsalRun.RunAsync(this, context));
}
