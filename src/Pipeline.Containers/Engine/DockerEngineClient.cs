using System.Net;

namespace Pipeline.Containers;

/// <summary>
/// A client of the Docker Engine API over the unix socket or tcp (<c>DOCKER_HOST</c> honoured), negotiating
/// the API version with <c>/_ping</c>: version, info, image inspect, tag, push and build. Thread-safe.
/// </summary>
public sealed partial class DockerEngineClient : IDisposable
{
    /// <summary>The newest API version this client speaks.</summary>
    public const string MaxApiVersion = "1.45";

    /// <summary>The oldest API version this client accepts (Docker 19.03).</summary>
    public const string MinApiVersion = "1.40";

    private readonly HttpClient _http;
    private readonly SemaphoreSlim _negotiation = new(1, 1);
    private EnginePing? _ping;
    private string? _networkMode;

    /// <summary>Creates a client of <paramref name="endpoint"/>, or of the engine <c>DOCKER_HOST</c> names.</summary>
    public DockerEngineClient(DockerEndpoint? endpoint = null)
    {
        Endpoint = endpoint ?? DockerEndpoint.FromEnvironment();
        _http = new HttpClient(Endpoint.CreateHandler()) { BaseAddress = Endpoint.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The engine's endpoint.</summary>
    public DockerEndpoint Endpoint { get; }

    /// <summary>Pings the engine and negotiates the API version (once; later calls return the first answer).</summary>
    public async Task<EnginePing> PingAsync(CancellationToken cancellationToken = default)
    {
        if (_ping is { } known)
        {
            return known;
        }

        await _negotiation.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_ping is not null)
            {
                return _ping;
            }

            using var response = await SendRawAsync(new HttpRequestMessage(HttpMethod.Get, "_ping"), cancellationToken).ConfigureAwait(false);
            await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
            var engineVersion = Header(response, "API-Version") ?? MinApiVersion;
            if (CompareVersions(engineVersion, MinApiVersion) < 0)
            {
                throw new DockerEngineException(
                    $"The Docker engine at {Endpoint} speaks API {engineVersion}; at least {MinApiVersion} (Docker 19.03) is needed. Upgrade the engine.");
            }

            var negotiated = CompareVersions(engineVersion, MaxApiVersion) < 0 ? engineVersion : MaxApiVersion;
            return _ping = new EnginePing(negotiated, engineVersion, Header(response, "Builder-Version"), Header(response, "OSType"));
        }
        finally
        {
            _negotiation.Release();
        }
    }

    /// <summary><c>GET /version</c>.</summary>
    public Task<EngineVersion> GetVersionAsync(CancellationToken cancellationToken = default) =>
        GetJsonAsync("version", ContainersJsonContext.Default.EngineVersion, cancellationToken);

    /// <summary><c>GET /info</c>.</summary>
    public Task<EngineInfo> GetInfoAsync(CancellationToken cancellationToken = default) =>
        GetJsonAsync("info", ContainersJsonContext.Default.EngineInfo, cancellationToken);

    /// <summary><c>GET /images/{name}/json</c>, or null when the engine has no such image.</summary>
    public async Task<EngineImage?> InspectImageAsync(string image, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Get, $"images/{image}/json", null, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync(response, ContainersJsonContext.Default.EngineImage, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>GET /images/{name}/get</c> (<c>docker save</c>): the image as a tar stream of its config, layers and <c>manifest.json</c>.</summary>
    public async Task<Stream> ExportImageAsync(string image, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(HttpMethod.Get, $"images/{Uri.EscapeDataString(image)}/get", null, cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
            return new ResponseStream(response, await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary><c>POST /images/{name}/tag</c>: gives <paramref name="image"/> the tag <paramref name="target"/>.</summary>
    public async Task TagImageAsync(string image, ImageReference target, CancellationToken cancellationToken = default)
    {
        var query = $"repo={Uri.EscapeDataString(target.Name)}&tag={Uri.EscapeDataString(target.Tag ?? ImageTag.Default)}";
        using var response = await SendAsync(HttpMethod.Post, $"images/{image}/tag?{query}", null, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>DELETE /images/{name}</c>; false when there was no such image.</summary>
    public async Task<bool> RemoveImageAsync(string image, bool force = false, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Delete, $"images/{image}?force={(force ? "1" : "0")}", null, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _http.Dispose();
        _negotiation.Dispose();
    }
}
