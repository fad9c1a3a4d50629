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
}
