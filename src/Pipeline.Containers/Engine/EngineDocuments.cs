using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Containers;

/// <summary>What <c>GET /version</c> reports.</summary>
/// <param name="Version">The engine version, e.g. <c>20.10.24</c>.</param>
/// <param name="ApiVersion">The newest API version the engine speaks.</param>
/// <param name="MinApiVersion">The oldest API version the engine speaks.</param>
/// <param name="Os">The engine's operating system.</param>
/// <param name="Arch">The engine's architecture.</param>
public sealed record EngineVersion(
    [property: JsonPropertyName("Version")] string Version,
    [property: JsonPropertyName("ApiVersion")] string ApiVersion,
    [property: JsonPropertyName("MinAPIVersion")] string? MinApiVersion,
    [property: JsonPropertyName("Os")] string Os,
    [property: JsonPropertyName("Arch")] string Arch);

/// <summary>The parts of <c>GET /info</c> the strategies use.</summary>
/// <param name="Name">The host name of the engine.</param>
/// <param name="ServerVersion">The engine version.</param>
/// <param name="OsType">The engine's operating system type, e.g. <c>linux</c>.</param>
/// <param name="Architecture">The machine architecture, e.g. <c>x86_64</c>.</param>
/// <param name="Ncpu">The number of CPUs.</param>
/// <param name="Driver">The storage driver.</param>
public sealed record EngineInfo(
    [property: JsonPropertyName("Name")] string? Name,
    [property: JsonPropertyName("ServerVersion")] string? ServerVersion,
    [property: JsonPropertyName("OSType")] string? OsType,
    [property: JsonPropertyName("Architecture")] string? Architecture,
    [property: JsonPropertyName("NCPU")] int Ncpu,
    [property: JsonPropertyName("Driver")] string? Driver);

/// <summary>The parts of <c>GET /images/{name}/json</c> the strategies use.</summary>
/// <param name="Id">The image ID (the digest of its config).</param>
/// <param name="RepoTags">The tags of the image in the engine.</param>
/// <param name="RepoDigests">The registry digests the image is known by.</param>
/// <param name="Architecture">The architecture in the image config.</param>
/// <param name="Os">The operating system in the image config.</param>
public sealed record EngineImage(
    [property: JsonPropertyName("Id")] string Id,
    [property: JsonPropertyName("RepoTags")] IReadOnlyList<string>? RepoTags,
    [property: JsonPropertyName("RepoDigests")] IReadOnlyList<string>? RepoDigests,
    [property: JsonPropertyName("Architecture")] string? Architecture,
    [property: JsonPropertyName("Os")] string? Os)
{
    /// <summary>The CPU variant in the image config, or null.</summary>
    [JsonPropertyName("Variant")]
    public string? Variant { get; init; }
}

/// <summary>The result of a push through the engine.</summary>
/// <param name="Reference">The tag that was pushed.</param>
/// <param name="Digest">The digest of the manifest the registry stored.</param>
/// <param name="Size">The size of the manifest in bytes.</param>
public sealed record EnginePushResult(ImageReference Reference, Digest Digest, long Size);

/// <summary>One message of the engine's JSON progress stream.</summary>
internal sealed record JsonMessage(
    [property: JsonPropertyName("stream")] string? Stream,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("progressDetail")] ProgressDetail? ProgressDetail,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("errorDetail")] ErrorDetail? ErrorDetail,
    [property: JsonPropertyName("aux")] JsonElement? Aux);

internal sealed record ProgressDetail(
    [property: JsonPropertyName("current")] long? Current,
    [property: JsonPropertyName("total")] long? Total);

internal sealed record ErrorDetail(
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("code")] int? Code);

internal sealed record EngineErrorBody([property: JsonPropertyName("message")] string? Message);

internal sealed record PushAux(
    [property: JsonPropertyName("Tag")] string? Tag,
    [property: JsonPropertyName("Digest")] string? Digest,
    [property: JsonPropertyName("Size")] long? Size);

internal sealed record ImageIdAux([property: JsonPropertyName("ID")] string? Id);

/// <summary>One image of the <c>manifest.json</c> in the archive that <c>GET /images/{name}/get</c> (<c>docker save</c>) returns.</summary>
internal sealed record SavedImage(
    [property: JsonPropertyName("Config")] string Config,
    [property: JsonPropertyName("Layers")] IReadOnlyList<string> Layers);

internal sealed record RegistryAuthHeader(
    [property: JsonPropertyName("username")] string? Username,
    [property: JsonPropertyName("password")] string? Password,
    [property: JsonPropertyName("serveraddress")] string? ServerAddress);
