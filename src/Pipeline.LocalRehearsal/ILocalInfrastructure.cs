using Pipeline.Rehearsal.Infrastructure;
using Pipeline.Targets;

namespace Pipeline.LocalRehearsal;

/// <summary>
/// Local infrastructure as a target: a Docker engine (a running one is used; on Debian as root docker.io is
/// installed and started, saying so; elsewhere the error says exactly what to install), qemu for linux/arm64, and,
/// with <see cref="LocalRegistryPort"/>, a registry on loopback. What it starts is stopped when the build ends.
/// </summary>
public interface ILocalInfrastructure : IPipelineBuild
{
    /// <summary>The loopback port of a registry to start; 0 for none.</summary>
    [Parameter("Start a registry on 127.0.0.1 at this port for the build (0: none).")]
    int LocalRegistryPort => TryGetValue<int?>() ?? 0;

    /// <summary>Makes sure the engine (and the registry) are up for the rest of the build.</summary>
    Target LocalInfrastructure => _ => _
        .Description("Makes sure a Docker engine (and with --local-registry-port a loopback registry) is up; stops what it started when the build ends.")
        .Executes(async context =>
        {
            var engine = await LocalDockerEngine.EnsureAsync(log: Log.Information, cancellationToken: context.CancellationToken);
            context.OnBuildFinished(async () =>
            {
                if (engine.Started)
                {
                    Log.Information($"Stopping the Docker engine started for this build ({engine.DockerHost}).");
                }

                await engine.DisposeAsync();
            });
            context.Report("engine", engine.Started ? $"started {engine.DockerHost}" : engine.DockerHost);
            if (!await ArmEmulation.EnsureAsync(Log.Warning, cancellationToken: context.CancellationToken))
            {
                context.Report("arm64", "cannot run here");
            }

            if (LocalRegistryPort == 0)
            {
                return;
            }

            var registry = await LocalRegistry.StartAsync(new LocalRegistryOptions { Port = LocalRegistryPort }, Log.Information, context.CancellationToken);
            context.OnBuildFinished(async () => await registry.DisposeAsync());
            context.Report("registry", registry.Address);
            context.SetOutput("registry", registry.Address);
        });
}
