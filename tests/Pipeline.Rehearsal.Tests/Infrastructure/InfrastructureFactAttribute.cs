using System.Net.Sockets;

namespace Pipeline.Rehearsal.Tests.Infrastructure;

/// <summary>A test that needs the Docker engine and the registry program: skipped with the reason when they are absent, unless PIPELINE_REQUIRE_DOCKER=1.</summary>
public sealed class InfrastructureFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Reason = new(Probe);

    public InfrastructureFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("PIPELINE_REQUIRE_DOCKER") != "1" && Reason.Value is { } reason)
        {
            Skip = reason;
        }
    }

    private static string? Probe()
    {
        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Connect(new UnixDomainSocketEndPoint("/var/run/docker.sock"));
        }
        catch (SocketException exception)
        {
            return $"No Docker engine at /var/run/docker.sock ({exception.Message}); set PIPELINE_REQUIRE_DOCKER=1 to fail instead.";
        }

        return File.Exists("/usr/bin/docker-registry") ? null : "docker-registry is not installed; set PIPELINE_REQUIRE_DOCKER=1 to fail instead.";
    }
}
