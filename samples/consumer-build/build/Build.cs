using Pipeline.Components;
using Pipeline.LocalRehearsal;
using Pipeline.Rehearsal.Infrastructure;
using Pipeline.Targets;

namespace Consumer.Build;

/// <summary>
/// The consumer team's build: the Pipeline components, adopted by listing them. IRehearse brings Promote (Test,
/// BuildMultiArchImage, CaptureDigest, BumpGitOps) and Rehearse, with their parameters; .nuke/parameters.json sets
/// the image, the build context and the rehearsal's GitOps seed.
/// </summary>
internal sealed class Build : PipelineBuild, IRehearse
{
    public static int Main(string[] args) => Execute<Build>(args, nameof(IRehearse.Rehearse));

    IRehearsalInfrastructure IRehearse.RehearsalInfrastructure => new LocalRehearsalInfrastructure();

    /// <summary>The app is built FROM scratch: its context needs a static busybox for each platform.</summary>
    Target PrepareApp => _ => _
        .Description("Puts Debian's static busybox for each platform into app/rootfs/<arch> (git-ignored).")
        .DependentFor<IBuildMultiArchImage>(x => x.BuildMultiArchImage)
        .Executes(context => StaticBusybox.PutInContextAsync(((IHazImage)this).Context, ((IHazImage)this).Platforms, Log.Information, context.CancellationToken));
}
