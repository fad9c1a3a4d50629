namespace Pipeline.Rehearsal.Infrastructure;

/// <summary>How to find or start a <see cref="LocalDockerEngine"/>.</summary>
public sealed record LocalDockerEngineOptions
{
    /// <summary>The engine socket; null reads <c>DOCKER_HOST</c> (a <c>unix://</c> path) or uses <c>/var/run/docker.sock</c>.</summary>
    public string? SocketPath { get; init; }

    /// <summary>True to install <c>docker.io</c> with apt and start <c>dockerd</c> when no engine answers (Debian, root).</summary>
    public bool AllowStart { get; init; } = true;

    /// <summary><c>dockerd</c> arguments; empty for the container-friendly ones (vfs, no iptables, no bridge). When the daemon does not start with them, it is retried with its own defaults.</summary>
    public IReadOnlyList<string> DaemonArguments { get; init; } = [];

    /// <summary>What the machine allows; null detects it.</summary>
    public HostFacts? Host { get; init; }

    /// <summary>How long to wait for a started engine to answer.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
