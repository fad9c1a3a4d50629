using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Pipeline.Containers;

/// <summary>
/// Where the Docker engine listens: <c>unix:///var/run/docker.sock</c> (the default) or <c>tcp://host:port</c>,
/// read from <c>DOCKER_HOST</c>; with <c>DOCKER_TLS_VERIFY</c> set, TLS with the client certificate in <c>DOCKER_CERT_PATH</c>.
/// </summary>
/// <param name="Uri">The endpoint, <c>unix:///path</c> or <c>tcp://host:port</c>.</param>
public sealed record DockerEndpoint(Uri Uri)
{
    /// <summary>The engine's default socket.</summary>
    public static DockerEndpoint Default { get; } = new(new Uri("unix:///var/run/docker.sock"));

    /// <summary>True to use TLS on a tcp endpoint.</summary>
    public bool UseTls { get; init; }

    /// <summary>Folder with <c>ca.pem</c>, <c>cert.pem</c> and <c>key.pem</c> for TLS, or null.</summary>
    public string? CertificatePath { get; init; }

    /// <summary>True for a unix socket.</summary>
    public bool IsUnixSocket => Uri.Scheme == "unix";

    /// <summary>The endpoint named by <c>DOCKER_HOST</c>, or <see cref="Default"/>.</summary>
    public static DockerEndpoint FromEnvironment(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var host = environment("DOCKER_HOST");
        var endpoint = string.IsNullOrWhiteSpace(host) ? Default : Parse(host);
        if (!endpoint.IsUnixSocket && environment("DOCKER_TLS_VERIFY") is { Length: > 0 } verify && verify != "0")
        {
            var certs = environment("DOCKER_CERT_PATH") is { Length: > 0 } path
                ? path
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker");
            endpoint = endpoint with { UseTls = true, CertificatePath = certs };
        }

        return endpoint;
    }

    /// <summary>Parses <c>unix:///path</c>, <c>tcp://host:port</c> or <c>host:port</c>.</summary>
    public static DockerEndpoint Parse(string value)
    {
        var text = value.Contains("://", StringComparison.Ordinal) ? value : "tcp://" + value;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("unix" or "tcp" or "http" or "https"))
        {
            throw new ContainerException(
                $"DOCKER_HOST '{value}' is not supported; use unix:///var/run/docker.sock or tcp://host:2375 (ssh:// and npipe:// are not supported).");
        }

        return uri.Scheme switch
        {
            "http" => new DockerEndpoint(new Uri($"tcp://{uri.Authority}")),
            "https" => new DockerEndpoint(new Uri($"tcp://{uri.Authority}")) { UseTls = true },
            _ => new DockerEndpoint(uri),
        };
    }

    /// <summary>The base address HTTP requests go to.</summary>
    internal Uri BaseAddress => IsUnixSocket
        ? new Uri("http://docker.localhost/")
        : new Uri($"{(UseTls ? "https" : "http")}://{Uri.Host}:{(Uri.IsDefaultPort || Uri.Port <= 0 ? (UseTls ? 2376 : 2375) : Uri.Port)}/");

    internal SocketsHttpHandler CreateHandler()
    {
        var handler = new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) };
        if (IsUnixSocket)
        {
            var path = Uri.AbsolutePath;
            handler.ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }
        else if (UseTls && CertificatePath is not null)
        {
            var ca = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(CertificatePath, "ca.pem"));
            var client = X509Certificate2.CreateFromPemFile(Path.Combine(CertificatePath, "cert.pem"), Path.Combine(CertificatePath, "key.pem"));
            handler.SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificates = [client],
                RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                    errors == SslPolicyErrors.None || ValidateAgainst(ca, certificate, chain),
            };
        }

        return handler;
    }

    private static bool ValidateAgainst(X509Certificate2 ca, X509Certificate? certificate, X509Chain? chain)
    {
        if (certificate is null || chain is null)
        {
            return false;
        }

        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(new X509Certificate2(certificate));
    }

    /// <summary>The endpoint as DOCKER_HOST would name it.</summary>
    public override string ToString() => Uri.ToString();
}
