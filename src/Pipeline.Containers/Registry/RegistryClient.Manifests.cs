using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Pipeline.Containers;

public sealed partial class RegistryClient
{
    /// <summary>
    /// <c>HEAD</c> of a manifest: its media type, digest and size, or null when the registry has none under
    /// this tag or digest.
    /// </summary>
    public async Task<OciDescriptor?> HeadManifestAsync(ImageReference reference, CancellationToken cancellationToken = default)
    {
        var uri = ManifestUri(reference);
        using var response = await SendAsync(reference.Registry, PullScope(reference), () => ManifestRequest(HttpMethod.Head, uri), cancellationToken)
            .ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, reference.Registry, cancellationToken).ConfigureAwait(false);
        var digestHeader = response.Headers.TryGetValues("Docker-Content-Digest", out var values) ? values.FirstOrDefault() : null;
        if (digestHeader is null || !Digest.TryParse(digestHeader, out var digest, out _))
        {
            // Without a digest header the only trustworthy digest is the hash of the body.
            return (await GetManifestAsync(reference, cancellationToken).ConfigureAwait(false)).ToDescriptor();
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType ?? MediaTypes.OciManifest;
        return new OciDescriptor(mediaType, digest, response.Content.Headers.ContentLength ?? 0);
    }

    /// <summary>
    /// <c>GET</c> of a manifest or index, asking for all four media types. The digest is the SHA-256 of the bytes;
    /// it must equal the digest asked for and the one the registry declares, or <see cref="DigestMismatchException"/> is thrown.
    /// </summary>
    public async Task<RegistryManifest> GetManifestAsync(ImageReference reference, CancellationToken cancellationToken = default)
    {
        var uri = ManifestUri(reference);
        using var response = await SendAsync(reference.Registry, PullScope(reference), () => ManifestRequest(HttpMethod.Get, uri), cancellationToken)
            .ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new ManifestUnknownException(reference, "GET", uri, await ReadErrorsAsync(response, cancellationToken).ConfigureAwait(false));
        }

        await EnsureSuccessAsync(response, reference.Registry, cancellationToken).ConfigureAwait(false);
        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var actual = Digest.Compute(content);
        if (reference.Digest is { } asked && asked != actual)
        {
            throw new DigestMismatchException($"Manifest {reference}", asked, actual);
        }

        if (response.Headers.TryGetValues("Docker-Content-Digest", out var values)
            && Digest.TryParse(values.FirstOrDefault(), out var declared, out _)
            && declared.Algorithm == "sha256" && declared != actual)
        {
            throw new DigestMismatchException($"Manifest {reference} (as declared by the registry)", declared, actual);
        }

        return Parse(reference, actual, response.Content.Headers.ContentType?.MediaType, content);
    }

    /// <summary><c>PUT</c> of a manifest or index under a tag or digest; returns the digest of the bytes sent.</summary>
    public async Task<Digest> PutManifestAsync(
        ImageReference reference,
        string mediaType,
        byte[] content,
        CancellationToken cancellationToken = default)
    {
        var uri = ManifestUri(reference);
        using var response = await SendAsync(reference.Registry, PushScope(reference), () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Put, uri) { Content = new ByteArrayContent(content) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
            return request;
        }, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, reference.Registry, cancellationToken).ConfigureAwait(false);
        var digest = Digest.Compute(content);
        if (response.Headers.TryGetValues("Docker-Content-Digest", out var values)
            && Digest.TryParse(values.FirstOrDefault(), out var stored, out _)
            && stored != digest)
        {
            throw new DigestMismatchException($"Manifest pushed to {reference}", digest, stored);
        }

        return digest;
    }

    /// <summary>
    /// Proves the credentials may push to <paramref name="repository"/> without pushing anything: starts a blob upload
    /// (<c>POST /v2/&lt;name&gt;/blobs/uploads/</c>) and cancels it. Throws <see cref="RegistryAuthenticationException"/>
    /// when the registry refuses, so a build can fail before it starts.
    /// </summary>
    public async Task CheckPushAccessAsync(ImageReference repository, CancellationToken cancellationToken = default)
    {
        var uri = new Uri(BaseUri(repository.Registry), $"{repository.Repository}/blobs/uploads/");
        using var response = await SendAsync(repository.Registry, PushScope(repository), () => new HttpRequestMessage(HttpMethod.Post, uri), cancellationToken)
            .ConfigureAwait(false);
        await EnsureSuccessAsync(response, repository.Registry, cancellationToken).ConfigureAwait(false);
        if (response.Headers.Location is { } location)
        {
            var upload = location.IsAbsoluteUri ? location : new Uri(uri, location);
            using var cancel = await SendAsync(repository.Registry, PushScope(repository), () => new HttpRequestMessage(HttpMethod.Delete, upload), cancellationToken)
                .ConfigureAwait(false);
        }
    }

    /// <summary><c>GET</c> of a blob (e.g. an image config); the bytes are checked against the digest.</summary>
    public async Task<byte[]> GetBlobAsync(ImageReference repository, Digest digest, CancellationToken cancellationToken = default)
    {
        var uri = new Uri(BaseUri(repository.Registry), $"{repository.Repository}/blobs/{digest}");
        using var response = await SendAsync(repository.Registry, PullScope(repository), () => new HttpRequestMessage(HttpMethod.Get, uri), cancellationToken)
            .ConfigureAwait(false);
        await EnsureSuccessAsync(response, repository.Registry, cancellationToken).ConfigureAwait(false);
        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var actual = Digest.Compute(content);
        return actual == digest ? content : throw new DigestMismatchException($"Blob {repository.Name}@{digest}", digest, actual);
    }

    /// <summary>Reads the config of a single-platform manifest: the proof of the platform the image was built for.</summary>
    public async Task<OciImageConfig> GetImageConfigAsync(ImageReference repository, OciManifest manifest, CancellationToken cancellationToken = default)
    {
        var bytes = await GetBlobAsync(repository, manifest.Config.Digest, cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize(bytes, ContainersJsonContext.Default.OciImageConfig)
            ?? throw new ContainerException($"The config {manifest.Config.Digest} of {repository.Name} is empty.");
    }

    internal static RegistryManifest Parse(ImageReference reference, Digest digest, string? declaredMediaType, byte[] content)
    {
        ManifestKind kind;
        try
        {
            kind = JsonSerializer.Deserialize(content, ContainersJsonContext.Default.ManifestKind)!;
        }
        catch (JsonException exception)
        {
            throw new ContainerException($"The manifest of {reference} is not valid JSON: {exception.Message}", exception);
        }

        var mediaType = kind.MediaType ?? declaredMediaType ?? (kind.Manifests is not null ? MediaTypes.OciIndex : MediaTypes.OciManifest);
        var manifest = new RegistryManifest(reference, digest, mediaType, content);
        return MediaTypes.IsIndex(mediaType) || kind.Manifests is not null
            ? manifest with { Index = JsonSerializer.Deserialize(content, ContainersJsonContext.Default.OciIndex) }
            : manifest with { Manifest = JsonSerializer.Deserialize(content, ContainersJsonContext.Default.OciManifest) };
    }

    private Uri ManifestUri(ImageReference reference)
    {
        var target = reference.Digest?.ToString() ?? reference.Tag ?? ImageTag.Default;
        return new Uri(BaseUri(reference.Registry), $"{reference.Repository}/manifests/{target}");
    }

    private static HttpRequestMessage ManifestRequest(HttpMethod method, Uri uri)
    {
        var request = new HttpRequestMessage(method, uri);
        foreach (var mediaType in MediaTypes.AllManifests)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(mediaType));
        }

        return request;
    }

    private static string PullScope(ImageReference reference) => $"repository:{reference.Repository}:pull";

    private static string PushScope(ImageReference reference) => $"repository:{reference.Repository}:pull,push";
}
