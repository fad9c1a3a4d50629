using System.Security.Cryptography;
using Pipeline.Components;
using Pipeline.Rehearsal.GitHub;
using Pipeline.Rehearsal.Infrastructure;

namespace Pipeline.LocalRehearsal;

/// <summary>
/// The rehearsal's stand-ins on this machine: the Docker engine (used if running, else installed or started and
/// stopped again), a registry on the loopback port the image names, and the local GitHub API server with the GitOps
/// repository and a GitHub App installed on it, allowed to bypass the protection of <c>main</c>. Registry storage,
/// repositories and the App's key live under the state directory, so a second rehearsal sees the first one's work.
/// </summary>
public sealed class LocalRehearsalInfrastructure : IRehearsalInfrastructure
{
    /// <summary>The App's ID on the local server.</summary>
    public const long AppId = 4242;

    /// <summary>The App's slug, on the bypass list of <c>main</c>.</summary>
    public const string AppSlug = "pipeline-rehearsal";

    /// <inheritdoc />
    public async Task<RehearsalEnvironment> StartAsync(RehearsalSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        void Say(string message) => settings.Output?.Report(message);
        var state = Directory.CreateDirectory(settings.StateDirectory).FullName;
        var engine = await LocalDockerEngine.EnsureAsync(log: Say, cancellationToken: cancellationToken).ConfigureAwait(false);
        LocalRegistry? registry = null;
        LocalGitHubServer? server = null;
        try
        {
            var data = Path.Combine(state, "github");
            if (settings.Reseed && Directory.Exists(data))
            {
                Say("The GitOps seed changed: starting a new GitOps repository from it.");
                Directory.Delete(data, recursive: true);
            }

            registry = await LocalRegistry.StartAsync(new LocalRegistryOptions { Port = settings.RegistryPort, Directory = Path.Combine(state, "registry") }, Say, cancellationToken).ConfigureAwait(false);
            server = await LocalGitHubServer.StartAsync(new LocalGitHubServerOptions { DataDirectory = data, KeepData = true }, cancellationToken).ConfigureAwait(false);
            Say($"GitHub API server started at {server.ApiUrl}.");
            var seeded = await server.OpenOrCreateRepositoryAsync(settings.GitOpsOwner, settings.GitOpsName, settings.GitOpsBranch, settings.GitOpsSeed, cancellationToken).ConfigureAwait(false);
            var pem = await AppKeyAsync(Path.Combine(state, "app.pem"), cancellationToken).ConfigureAwait(false);
            server.RegisterApp(AppId, "Iv1.pipelinerehearsal", pem, AppSlug);
            server.InstallApp(AppId, settings.GitOpsOwner, [settings.GitOpsName]);
            server.ProtectBranch(settings.GitOpsOwner, settings.GitOpsName, settings.GitOpsBranch, new BranchProtection { RequirePullRequest = true, BypassApps = [AppSlug] });
            var started = (Registry: registry, Server: server);
            var dispatchesBefore = server.DispatchEvents.Count;
            return new RehearsalEnvironment(
                server.ApiUrl,
                $"{settings.GitOpsOwner}/{settings.GitOpsName}",
                server.BareRepositoryPath(settings.GitOpsOwner, settings.GitOpsName),
                AppId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                pem,
                async () =>
                {
                    await started.Server.DisposeAsync().ConfigureAwait(false);
                    await started.Registry.DisposeAsync().ConfigureAwait(false);
                    await engine.DisposeAsync().ConfigureAwait(false);
                    Say("Stopped the rehearsal's registry and GitHub API server" + (engine.Started ? " and the Docker engine it started." : "."));
                })
            {
                Seeded = seeded,
                ReceivedDispatches = () => [.. started.Server.DispatchEvents.Skip(dispatchesBefore)
                    .Where(d => d.Owner == settings.GitOpsOwner && d.Repository == settings.GitOpsName)
                    .Select(d => DispatchEventFile.Render(d, started.Server.ApiUrl))],
            };
        }
        catch
        {
            if (server is not null)
            {
                await server.DisposeAsync().ConfigureAwait(false);
            }

            if (registry is not null)
            {
                await registry.DisposeAsync().ConfigureAwait(false);
            }

            await engine.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<string> AppKeyAsync(string path, CancellationToken cancellationToken)
    {
        if (File.Exists(path))
        {
            return await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }

        using var rsa = RSA.Create(2048);
        var pem = rsa.ExportRSAPrivateKeyPem();
        await File.WriteAllTextAsync(path, pem, cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return pem;
    }
}
