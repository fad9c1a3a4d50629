using System.Text.Json.Serialization;

namespace Pipeline.Containers;

internal sealed record DockerConfigFile(
    [property: JsonPropertyName("auths")] Dictionary<string, DockerConfigAuth>? Auths);

internal sealed record DockerConfigAuth(
    [property: JsonPropertyName("auth")] string? Auth,
    [property: JsonPropertyName("username")] string? Username,
    [property: JsonPropertyName("password")] string? Password);

internal sealed record RegistryErrorsDocument(
    [property: JsonPropertyName("errors")] IReadOnlyList<RegistryError>? Errors);

internal sealed record TokenResponse(
    [property: JsonPropertyName("token")] string? Token,
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("expires_in")] int? ExpiresIn);

/// <summary>A manifest as it was read, so a caller can tell the kind without parsing twice.</summary>
internal sealed record ManifestKind(
    [property: JsonPropertyName("mediaType")] string? MediaType,
    [property: JsonPropertyName("manifests")] IReadOnlyList<OciDescriptor>? Manifests,
    [property: JsonPropertyName("config")] OciDescriptor? Config);
