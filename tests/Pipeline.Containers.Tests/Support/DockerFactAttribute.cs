using System.Net.Sockets;

namespace Pipeline.Containers.Tests.Support;

/// <summary>
/// A test that needs the Docker engine (and the registry program). It is skipped, with the reason, when no engine
/// answers, unless PIPELINE_REQUIRE_DOCKER=1, in which case it runs and fails.
/// </summary>
public sealed class DockerFactAttribute : FactAttribute
{
    public DockerFactAttribute()
    {
        if (DockerAvailability.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

public static class DockerAvailability
{
    private static readonly Lazy<string?> Reason = new(Probe);

    public static bool Required => Environment.GetEnvironmentVariable("PIPELINE_REQUIRE_DOCKER") == "1";

    /// <summary>Null when Docker tests should run; otherwise why they are skipped.</summary>
    public static string? SkipReason => Required ? null : Reason.Value;

    private static string? Probe()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        var socket = host is { Length: > 0 } && host.StartsWith("unix://", StringComparison.Ordinal) ? host[7..] : "/var/run/docker.sock";
        if (host is { Length: > 0 } && !host.StartsWith("unix://", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            using var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            s.Connect(new UnixDomainSocketEndPoint(socket));
        }
        catch (SocketException exception)
        {
            return $"No Docker engine at unix://{socket} ({exception.Message}); set PIPELINE_REQUIRE_DOCKER=1 to fail instead.";
        }

        var registry = new[] { "/usr/bin/docker-registry", "/usr/local/bin/registry" }.Any(File.Exists)
            || (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Any(d => File.Exists(Path.Combine(d, "docker-registry")) || File.Exists(Path.Combine(d, "registry")));
        return registry ? null : "No registry program (docker-registry) installed; set PIPELINE_REQUIRE_DOCKER=1 to fail instead.";
    }
}

/// <summary>A theory that needs the Docker engine, skipped as <see cref="DockerFactAttribute"/> is.</summary>
public sealed class DockerTheoryAttribute : TheoryAttribute
{
    public DockerTheoryAttribute()
    {
        if (DockerAvailability.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
