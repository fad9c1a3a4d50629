using System.Text.Json;

namespace Pipeline.Containers;

public sealed partial class DockerEngineClient
{
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
}
