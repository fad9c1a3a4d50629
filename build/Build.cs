using Pipeline.Components;
using Pipeline.Rehearsal;
using Pipeline.Rehearsal.Infrastructure;
using Pipeline.Targets;

namespace Pipeline.Build;

/// <summary>
/// This repository's build. It composes the reusable components: Test, Pack, and the pipeline that builds
/// samples/demo-service for every platform, pins it and promotes it (Promote), rehearsed locally by Rehearse.
/// </summary>
internal sealed partial class Build : PipelineBuild, ITest, IPack, IRehearse, IApplyDispatch, ILocalInfrastructure
{
    public static int Main(string[] args) => Execute<Build>(args, nameof(ICompile.Compile));

    IRehearsalInfrastructure IRehearse.RehearsalInfrastructure => new LocalRehearsalInfrastructure();

    /// <summary>The integration tests use a real Docker engine (and qemu for linux/arm64): bring them up before Test.</summary>
    Target TestInfrastructure => _ => _
        .Unlisted()
        .DependentFor<ITest>(x => x.Test)
        .DependsOn<ILocalInfrastructure>(x => x.LocalInfrastructure)
        .WhenSkipped(DependencyBehavior.Skip);

    /// <summary>samples/demo-service is built FROM scratch: it needs a static busybox per architecture in its context.</summary>
    Target PrepareDemoService => _ => _
        .Description("Puts Debian's static busybox for each platform into samples/demo-service/rootfs/<arch> (git-ignored).")
        .DependentFor<IBuildMultiArchImage>(x => x.BuildMultiArchImage)
        .Executes(async context =>
        {
            var image = (IHazImage)this;
            foreach (var platform in image.Platforms)
            {
                var architecture = platform.Split('/')[1];
                var busybox = await StaticBusybox.GetAsync(architecture, cancellationToken: context.CancellationToken);
                var target = RootDirectory / "samples" / "demo-service" / "rootfs" / architecture;
                target.CreateDirectory();
                File.Copy(busybox, target / "busybox", overwrite: true);
                Log.Information($"{platform}: {busybox}");
            }
        });
}
