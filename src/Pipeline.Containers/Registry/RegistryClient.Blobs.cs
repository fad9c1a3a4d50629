using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;

namespace Pipeline.Containers;

public sealed partial class RegistryClient
{
    private const long SingleRequestLimit = 4 << 20;
    private readonly ConcurrentDictionary<(string Registry, string Repository, Digest Digest), Lazy<Task<bool>>> _uploads = new();

    /// <summary><c>HEAD /v2/&lt;name&gt;/blobs/&lt;digest&gt;</c>: whether the repository already holds the blob.</summary>
    public async Task<bool> BlobExistsAsync(ImageReference repository, Digest digest, CancellationToken cancellationToken = default)
    {
        var uri = new Uri(BaseUri(repository.Registry), $"{repository.Repository}/blobs/{digest}");
        using var response = await SendAsync(repository.Registry, PushScope(repository), () => new HttpRequestMessage(HttpMethod.Head, uri), cancellationToken)
            .ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await EnsureSuccessAsync(response, repository.Registry, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Uploads a blob unless the repository holds it already: a blob of up to 4 MiB in one <c>POST ...?digest=</c> where
    /// the registry takes it, else one <c>POST</c> to start the upload and one monolithic <c>PUT ...?digest=</c> with the
    /// content (the registry checks the digest). Returns false when nothing was sent.
    /// </summary>
    /// <param name="repository">The repository.</param>
    /// <param name="digest">The blob's digest.</param>
    /// <param name="size">The blob's size in bytes.</param>
    /// <param name="open">Opens the content; called again for a retried request.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    public async Task<bool> PushBlobAsync(ImageReference repository, Digest digest, long size, Func<Stream> open, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(open);

        // Two platforms often share a layer; two uploads of one blob at once can leave the registry without it
        // (docker-registry answers the manifest with BLOB_UNKNOWN), so the second waits for the first.
        var key = (repository.Registry, repository.Repository, digest);
        var upload = _uploads.GetOrAdd(key, _ => new Lazy<Task<bool>>(() => UploadAsync(repository, digest, size, open, cancellationToken)));
        try
        {
            return await upload.Value.ConfigureAwait(false);
        }
        catch
        {
            _uploads.TryRemove(KeyValuePair.Create(key, upload));
            throw;
        }
    }

    private async Task<bool> UploadAsync(ImageReference repository, Digest digest, long size, Func<Stream> open, CancellationToken cancellationToken)
    {
        if (await BlobExistsAsync(repository, digest, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        // A small blob goes in one request when the registry takes a monolithic upload (POST ...?digest= with the
        // content, 201); a registry that does not answers 202, which starts an upload the PUT below completes. A large
        // blob starts with an empty POST, so it is never sent twice.
        var single = size <= SingleRequestLimit;
        var start = new Uri(BaseUri(repository.Registry), $"{repository.Repository}/blobs/uploads/" + (single ? $"?digest={Uri.EscapeDataString(digest.ToString())}" : string.Empty));
        Uri upload;
        var opened = new List<Stream>();
        try
        {
            using var started = await SendAsync(
                repository.Registry,
                PushScope(repository),
                () => single ? WithContent(HttpMethod.Post, start, open, size, opened) : new HttpRequestMessage(HttpMethod.Post, start),
                cancellationToken).ConfigureAwait(false);
            await EnsureSuccessAsync(started, repository.Registry, cancellationToken).ConfigureAwait(false);
            if (started.StatusCode == HttpStatusCode.Created)
            {
                return true;
            }

            var location = started.Headers.Location
                ?? throw new RegistryException($"Registry '{repository.Registry}' started an upload without a Location header; it does not speak the distribution API.", "POST", start, started.StatusCode, null);
            upload = location.IsAbsoluteUri ? location : new Uri(start, location);
        }
        finally
        {
            foreach (var stream in opened)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
        }

        var target = new Uri(upload + (upload.Query.Length > 0 ? "&" : "?") + "digest=" + Uri.EscapeDataString(digest.ToString()));
        opened.Clear();
        try
        {
            using var response = await SendAsync(repository.Registry, PushScope(repository), () => WithContent(HttpMethod.Put, target, open, size, opened), cancellationToken).ConfigureAwait(false);
            await EnsureSuccessAsync(response, repository.Registry, cancellationToken).ConfigureAwait(false);
            return true;
        }
        finally
        {
            foreach (var stream in opened)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static HttpRequestMessage WithContent(HttpMethod method, Uri uri, Func<Stream> open, long size, List<Stream> opened)
    {
        var stream = open();
        opened.Add(stream);
        var request = new HttpRequestMessage(method, uri) { Content = new StreamContent(stream, 1 << 16) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        request.Content.Headers.ContentLength = size;
        return request;
    }
}
