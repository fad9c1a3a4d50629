namespace Pipeline.Rehearsal.Infrastructure;

/// <summary>How to start a <see cref="LocalRegistry"/>.</summary>
public sealed record LocalRegistryOptions
{
    /// <summary>Users and passwords; when any are given the registry demands Basic authentication (htpasswd).</summary>
    public IReadOnlyDictionary<string, string> Users { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// True to authenticate with Bearer tokens from a local token endpoint (as ghcr.io and Docker Hub do) instead of
    /// Basic authentication; needs <see cref="Users"/>.
    /// </summary>
    public bool TokenAuthentication { get; init; }

    /// <summary>The port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>
    /// A folder for the registry's configuration, log and storage that outlives it (a rehearsal's images stay for the
    /// next run); null for a temporary folder deleted when the registry stops.
    /// </summary>
    public string? Directory { get; init; }

    /// <summary>The registry program; null finds <c>docker-registry</c> or <c>registry</c> on PATH.</summary>
    public string? Executable { get; init; }

    /// <summary>Folders to look for the registry program in; null for PATH and <c>/usr/bin</c>.</summary>
    public IReadOnlyList<string>? SearchPath { get; init; }

    /// <summary>True to install the <c>docker-registry</c> package with apt when the program is missing (Debian, root).</summary>
    public bool AllowInstall { get; init; } = true;

    /// <summary>What the machine allows; null detects it.</summary>
    public HostFacts? Host { get; init; }

    /// <summary>How long to wait for the registry to answer.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
