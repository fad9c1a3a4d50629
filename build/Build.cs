using Pipeline.Components;
using Pipeline.LocalRehearsal;
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

    /// <summary>
    /// The integration tests use a real Docker engine (and qemu for linux/arm64), a registry, skopeo and npm: bring them
    /// up before Test when this machine can (what is started is stopped again at the end). When it cannot, the tests that need them skip with the reason, unless
    /// PIPELINE_REQUIRE_DOCKER=1 (CI), where that is an error.
    /// </summary>
    Target TestInfrastructure => _ => _
        .Unlisted()
        .DependentFor<ITest>(x => x.Test)
        .WhenSkipped(DependencyBehavior.Skip)
        .Executes(async context =>
        {
            try
            {
                var engine = await LocalDockerEngine.EnsureAsync(log: Log.Information, cancellationToken: context.CancellationToken);
                context.OnBuildFinished(async () =>
                {
                    if (engine.Started)
                    {
                        Log.Information($"Stopping the Docker engine started for the tests ({engine.DockerHost}).");
                    }

                    await engine.DisposeAsync();
                });
                // Installing and registering qemu is routine: only a machine where arm64 cannot run is worth a warning.
                if (!await ArmEmulation.EnsureAsync(Log.Information, cancellationToken: context.CancellationToken))
                {
                    Log.Warning("linux/arm64 binaries cannot run on this machine (see above); the tests that run arm64 images will fail or skip.");
                }

                var tools = new Dictionary<string, string> { ["docker-registry"] = "docker-registry", ["skopeo"] = "skopeo", ["npm"] = "npm", ["gh"] = "gh" };
                if (await DebianPackages.EnsureCommandsAsync(tools, Log.Information, cancellationToken: context.CancellationToken) is { Count: > 0 } missing)
                {
                    throw new InfrastructureException($"The integration tests also need {string.Join(", ", missing)}; install them (Debian/Ubuntu: apt-get install {string.Join(' ', missing)}).");
                }
            }
            catch (InfrastructureException exception) when (!EnvironmentVariables.TryGetValue("PIPELINE_REQUIRE_DOCKER", out var required) || required != "1")
            {
                Log.Warning($"{exception.Message} The tests that need Docker will be skipped.");
            }
        });

    /// <summary>samples/demo-service is built FROM scratch: it needs a static busybox per architecture in its context.</summary>
    Target PrepareDemoService => _ => _
        .Description("Puts Debian's static busybox for each platform into samples/demo-service/rootfs/<arch> (git-ignored).")
        .DependentFor<IBuildMultiArchImage>(x => x.BuildMultiArchImage)
        .Executes(context => StaticBusybox.PutInContextAsync(RootDirectory / "samples" / "demo-service", ((IHazImage)this).Platforms, Log.Information, context.CancellationToken));
}
