using System.Net.Sockets;

namespace Pipeline.Rehearsal.Infrastructure;

/// <summary>
/// A Docker engine on this machine: the running one when it answers; otherwise, on Debian as root, <c>docker.io</c>
/// installed with apt if missing and <c>dockerd</c> started (saying so); elsewhere an error naming what to install.
/// Disposing stops <c>dockerd</c> only when this object started it.
/// </summary>
public sealed class LocalDockerEngine : IAsyncDisposable
{
    /// <summary>Arguments that let dockerd run inside a container: no overlay mounts, no iptables, no bridge.</summary>
    public static IReadOnlyList<string> ContainerFriendlyArguments { get; } = ["--storage-driver=vfs", "--iptables=false", "--bridge=none"];

    private readonly BackgroundProcess? _daemon;

    private LocalDockerEngine(string socketPath, BackgroundProcess? daemon)
    {
        SocketPath = socketPath;
        _daemon = daemon;
    }

    /// <summary>The engine's unix socket.</summary>
    public string SocketPath { get; }

    /// <summary>The engine as <c>DOCKER_HOST</c> names it.</summary>
    public string DockerHost => "unix://" + SocketPath;

    /// <summary>True when this object started the engine (and will stop it).</summary>
    public bool Started => _daemon is not null;

    /// <summary>Uses the running engine, or provides one as the options allow.</summary>
    public static async Task<LocalDockerEngine> EnsureAsync(LocalDockerEngineOptions? options = null, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        options ??= new LocalDockerEngineOptions();
        var socket = options.SocketPath ?? SocketFromEnvironment();
        if (await PingAsync(socket, cancellationToken).ConfigureAwait(false))
        {
            log?.Invoke($"Using the Docker engine at unix://{socket}.");
            return new LocalDockerEngine(socket, null);
        }

        var host = options.Host ?? HostFacts.Detect();
        if (!options.AllowStart || !host.CanInstallWithApt)
        {
            throw new InfrastructureException(
                $"No Docker engine answers at unix://{socket}. Install Docker Engine (Debian/Ubuntu: 'sudo apt-get install docker.io'; "
                + "elsewhere https://docs.docker.com/engine/install/) and start it ('sudo systemctl start docker'), or set DOCKER_HOST to a running engine.");
        }

        var dockerd = LocalProcess.FindOnPath("dockerd", "/usr/sbin", "/usr/bin");
        if (dockerd is null)
        {
            await AptInstaller.InstallAsync("docker.io", log, cancellationToken).ConfigureAwait(false);
            dockerd = LocalProcess.FindOnPath("dockerd", "/usr/sbin", "/usr/bin")
                ?? throw new InfrastructureException("apt-get installed docker.io but 'dockerd' is still not found.");
        }

        // The storage driver that works everywhere first (vfs: no overlay mounts, which containers and some VMs refuse,
        // and no mix with an overlay2 BuildKit cache left behind); the daemon's own defaults if that does not start.
        var first = options.DaemonArguments.Count > 0 ? options.DaemonArguments : ContainerFriendlyArguments;
        var daemon = await StartDaemonAsync(dockerd, socket, first, options.StartTimeout, log, cancellationToken).ConfigureAwait(false)
            ?? await StartDaemonAsync(dockerd, socket, [], options.StartTimeout, log, cancellationToken).ConfigureAwait(false)
            ?? throw new InfrastructureException($"dockerd did not start; see {LogPath(socket)}.");
        return new LocalDockerEngine(socket, daemon);
    }

    /// <summary>Stops the engine if this object started it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_daemon is not null)
        {
            await _daemon.StopAsync(TimeSpan.FromSeconds(20)).ConfigureAwait(false);
            await _daemon.DisposeAsync().ConfigureAwait(false);
        }
    }

    internal static async Task<bool> PingAsync(string socketPath, CancellationToken cancellationToken)
    {
        if (!File.Exists(socketPath))
        {
            return false;
        }

        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, token) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), token).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(new Uri("http://docker.localhost/_ping"), cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static string SocketFromEnvironment()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        return host is { Length: > 0 } && host.StartsWith("unix://", StringComparison.Ordinal) ? host["unix://".Length..] : "/var/run/docker.sock";
    }

    private static string LogPath(string socket) => Path.Combine(Path.GetTempPath(), $"pipeline-dockerd-{Path.GetFileNameWithoutExtension(socket)}.log");

    private static async Task<BackgroundProcess?> StartDaemonAsync(
        string dockerd,
        string socket,
        IReadOnlyList<string> arguments,
        TimeSpan timeout,
        Action<string>? log,
        CancellationToken cancellationToken)
    {
        log?.Invoke($"Starting the Docker engine: {dockerd} --host unix://{socket} {string.Join(' ', arguments)} (log: {LogPath(socket)}).");
        var process = LocalProcess.RunInBackground(dockerd, ["--host", "unix://" + socket, .. arguments], LogPath(socket));
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            if (await PingAsync(socket, cancellationToken).ConfigureAwait(false))
            {
                log?.Invoke($"Docker engine started (pid {process.Id}); it will be stopped at the end.");
                return process;
            }

            await Task.Delay(250, cancellationToken).ConfigureAwait(false);
        }

        log?.Invoke($"dockerd with '{string.Join(' ', arguments)}' did not answer; see {LogPath(socket)}.");
        await process.StopAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        await process.DisposeAsync().ConfigureAwait(false);
        return null;
    }
}
