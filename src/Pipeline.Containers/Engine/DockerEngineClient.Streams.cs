using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Pipeline.Containers;

public sealed partial class DockerEngineClient
{
    /// <summary>
    /// <c>POST /build</c> with the context as a tar stream (<c>.dockerignore</c> honoured). The progress stream is read
    /// to the end; each output line goes to <paramref name="output"/>; an <c>errorDetail</c> becomes an
    /// <see cref="ImageBuildFailedException"/> carrying the engine's message and the failed step's output.
    /// </summary>
    public async Task<EngineBuildResult> BuildImageAsync(EngineBuildRequest request, IProgress<string>? output = null, CancellationToken cancellationToken = default)
    {
        using var archive = BuildContextArchive.Create(request.ContextDirectory, request.Dockerfile);
        return await BuildImageAsync(request, archive, output, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>POST /images/{name}/push</c> of one tag, with <c>X-Registry-Auth</c>; returns the digest the registry stored.
    /// </summary>
    public async Task<EnginePushResult> PushImageAsync(
        ImageReference reference,
        RegistryCredential? credential = null,
        IProgress<PushProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var tag = reference.Tag ?? throw new ArgumentException($"'{reference}' has no tag to push.", nameof(reference));
        var headers = new Dictionary<string, string> { ["X-Registry-Auth"] = RegistryAuthHeaderValue(reference.Registry, credential) };
        using var response = await SendAsync(HttpMethod.Post, $"images/{reference.Name}/push?tag={Uri.EscapeDataString(tag)}", null, cancellationToken, headers)
            .ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        EnginePushResult? result = null;
        await foreach (var message in ReadMessagesAsync(response, cancellationToken).ConfigureAwait(false))
        {
            if ((message.ErrorDetail?.Message ?? message.Error) is { } error)
            {
                throw new ImagePushFailedException(reference, error);
            }

            if (message.Aux is { ValueKind: JsonValueKind.Object } aux
                && aux.Deserialize(ContainersJsonContext.Default.PushAux) is { Digest: { } digest } pushed)
            {
                result = new EnginePushResult(reference, Digest.Parse(digest), pushed.Size ?? 0);
            }
            else if (message.Status is { } status)
            {
                progress?.Report(new PushProgress(reference, message.Id, status, message.ProgressDetail?.Current, message.ProgressDetail?.Total));
            }
        }

        return result ?? throw new ImagePushFailedException(reference, "the engine finished the push without reporting a digest");
    }

    /// <summary>The base64url JSON the engine expects in <c>X-Registry-Auth</c> (an empty object when anonymous).</summary>
    internal static string RegistryAuthHeaderValue(string registry, RegistryCredential? credential)
    {
        var auth = credential is null
            ? new RegistryAuthHeader(null, null, null)
            : new RegistryAuthHeader(credential.Username, credential.Password.Reveal(), registry);
        var json = JsonSerializer.SerializeToUtf8Bytes(auth, ContainersJsonContext.Default.RegistryAuthHeader);
        return Convert.ToBase64String(json).Replace('+', '-').Replace('/', '_');
    }

    internal async Task<EngineBuildResult> BuildImageAsync(
        EngineBuildRequest request,
        BuildContextArchive archive,
        IProgress<string>? output,
        CancellationToken cancellationToken)
    {
        var query = await BuildQueryAsync(request, archive, cancellationToken).ConfigureAwait(false);
        var body = new StreamContent(archive.OpenRead());
        body.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        using var response = await SendAsync(HttpMethod.Post, "build?" + query, body, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        var collected = new BuildOutput(request.Platform, output);
        await foreach (var message in ReadMessagesAsync(response, cancellationToken).ConfigureAwait(false))
        {
            if ((message.ErrorDetail?.Message ?? message.Error) is { } error)
            {
                throw new ImageBuildFailedException(request.Platform, error, collected.FailedStep, collected.FailureOutput());
            }

            if (message.Stream is { } stream)
            {
                collected.OnStream(stream);
            }

            if (message.Aux is not { } aux)
            {
                continue;
            }

            if (message.Id == "moby.buildkit.trace" && aux.ValueKind == JsonValueKind.String)
            {
                BuildKitStatus.Decode(aux.GetString()!, collected);
            }
            else if (aux.ValueKind == JsonValueKind.Object && aux.Deserialize(ContainersJsonContext.Default.ImageIdAux) is { Id: { } id })
            {
                collected.ImageId = id;
            }
        }

        // The classic builder announces the image only in its text output.
        var imageId = collected.ImageId ?? (request.Tags.Count > 0 ? (await InspectImageAsync(request.Tags[0].ToString(), cancellationToken).ConfigureAwait(false))?.Id : null);
        return imageId is null
            ? throw new ImageBuildFailedException(request.Platform, "the engine finished the build without reporting an image", null, collected.FailureOutput())
            : new EngineBuildResult(imageId, request.Platform, request.Tags);
    }

    private async Task<string> BuildQueryAsync(EngineBuildRequest request, BuildContextArchive archive, CancellationToken cancellationToken)
    {
        var query = new StringBuilder($"dockerfile={Uri.EscapeDataString(archive.DockerfileName)}&rm=1&forcerm=1");
        query.Append("&version=").Append(request.UseBuildKit ? '2' : '1');
        foreach (var tag in request.Tags)
        {
            query.Append("&t=").Append(Uri.EscapeDataString(tag.ToString()));
        }

        if (request.Platform is { } platform)
        {
            query.Append("&platform=").Append(Uri.EscapeDataString(platform.ToString()));
        }

        if (request.BuildArgs.Count > 0)
        {
            query.Append("&buildargs=").Append(Uri.EscapeDataString(JsonSerializer.Serialize(request.BuildArgs.ToDictionary(), ContainersJsonContext.Default.DictionaryStringString)));
        }

        if (request.Labels.Count > 0)
        {
            query.Append("&labels=").Append(Uri.EscapeDataString(JsonSerializer.Serialize(request.Labels.ToDictionary(), ContainersJsonContext.Default.DictionaryStringString)));
        }

        if (request.Target is { } target)
        {
            query.Append("&target=").Append(Uri.EscapeDataString(target));
        }

        if (request.NoCache)
        {
            query.Append("&nocache=1");
        }

        var network = request.NetworkMode ?? await DefaultNetworkModeAsync(cancellationToken).ConfigureAwait(false);
        if (network is not null)
        {
            query.Append("&networkmode=").Append(Uri.EscapeDataString(network));
        }

        return query.ToString();
    }

    /// <summary>
    /// <c>host</c> when the engine has no <c>bridge</c> network (RUN steps would fail with "network bridge not found"),
    /// otherwise null for the engine's default.
    /// </summary>
    private async Task<string?> DefaultNetworkModeAsync(CancellationToken cancellationToken)
    {
        if (_networkMode is not null)
        {
            return _networkMode.Length == 0 ? null : _networkMode;
        }

        using var response = await SendAsync(HttpMethod.Get, "networks/bridge", null, cancellationToken).ConfigureAwait(false);
        _networkMode = response.StatusCode == HttpStatusCode.NotFound ? "host" : string.Empty;
        return _networkMode.Length == 0 ? null : _networkMode;
    }

    private static async IAsyncEnumerable<JsonMessage> ReadMessagesAsync(
        HttpResponseMessage response,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonMessage? message;
            try
            {
                message = JsonSerializer.Deserialize(line, ContainersJsonContext.Default.JsonMessage);
            }
            catch (JsonException)
            {
                message = new JsonMessage(line + "\n", null, null, null, null, null, null);
            }

            if (message is not null)
            {
                yield return message;
            }
        }
    }
}
