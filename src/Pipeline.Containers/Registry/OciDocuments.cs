using System.Text.Json.Serialization;

namespace Pipeline.Containers;

/// <summary>The platform of an index entry.</summary>
/// <param name="Architecture">CPU architecture, e.g. <c>arm64</c>.</param>
/// <param name="Os">Operating system, e.g. <c>linux</c>.</param>
/// <param name="Variant">CPU variant, e.g. <c>v7</c>, or null.</param>
public sealed record OciPlatform(
    [property: JsonPropertyName("architecture")] string Architecture,
    [property: JsonPropertyName("os")] string Os,
    [property: JsonPropertyName("variant")] string? Variant = null)
{
    /// <summary>The entry's platform as a <see cref="Platform"/>; <c>unknown/unknown</c> for attestations.</summary>
    public Platform ToPlatform() =>
        Platform.TryParse($"{Os}/{Architecture}{(Variant is null ? string.Empty : "/" + Variant)}", out var p, out _)
            ? p
            : new Platform(Os, Architecture, Variant);

    /// <summary>The index entry platform for <paramref name="platform"/>.</summary>
    public static OciPlatform From(Platform platform) => new(platform.Architecture, platform.Os, platform.Variant);
}

/// <summary>A content descriptor: what a manifest, index or blob is, where it is, and how big.</summary>
/// <param name="MediaType">The media type of the content.</param>
/// <param name="Digest">The digest of the content's bytes.</param>
/// <param name="Size">The length of the content in bytes.</param>
public sealed record OciDescriptor(
    [property: JsonPropertyName("mediaType")] string MediaType,
    [property: JsonPropertyName("digest")] Digest Digest,
    [property: JsonPropertyName("size")] long Size)
{
    /// <summary>The platform of an index entry, or null.</summary>
    [JsonPropertyName("platform")]
    public OciPlatform? Platform { get; init; }

    /// <summary>Annotations, or null.</summary>
    [JsonPropertyName("annotations")]
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }
}

/// <summary>An image index or Docker manifest list: one manifest per platform.</summary>
/// <param name="MediaType">The index media type.</param>
/// <param name="Manifests">The entries.</param>
public sealed record OciIndex(
    [property: JsonPropertyName("mediaType")] string MediaType,
    [property: JsonPropertyName("manifests")] IReadOnlyList<OciDescriptor> Manifests)
{
    /// <summary>Always 2.</summary>
    [JsonPropertyName("schemaVersion")]
    [JsonPropertyOrder(-1)]
    public int SchemaVersion { get; init; } = 2;

    /// <summary>Annotations of the index, or null.</summary>
    [JsonPropertyName("annotations")]
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }

    /// <summary>The image entries, without the <c>unknown/unknown</c> attestation entries.</summary>
    public IEnumerable<OciDescriptor> ImageEntries() =>
        Manifests.Where(m => m.Platform is null || !m.Platform.ToPlatform().IsUnknown);
}

/// <summary>A single-platform image manifest.</summary>
/// <param name="MediaType">The manifest media type.</param>
/// <param name="Config">The image config blob.</param>
/// <param name="Layers">The layer blobs.</param>
public sealed record OciManifest(
    [property: JsonPropertyName("mediaType")] string? MediaType,
    [property: JsonPropertyName("config")] OciDescriptor Config,
    [property: JsonPropertyName("layers")] IReadOnlyList<OciDescriptor> Layers)
{
    /// <summary>Always 2.</summary>
    [JsonPropertyName("schemaVersion")]
    [JsonPropertyOrder(-1)]
    public int SchemaVersion { get; init; } = 2;

    /// <summary>Annotations, or null.</summary>
    [JsonPropertyName("annotations")]
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }
}

/// <summary>The parts of an image config that prove which platform an image was built for.</summary>
/// <param name="Architecture">The architecture the image's binaries are for.</param>
/// <param name="Os">The operating system.</param>
public sealed record OciImageConfig(
    [property: JsonPropertyName("architecture")] string Architecture,
    [property: JsonPropertyName("os")] string Os)
{
    /// <summary>The CPU variant, or null.</summary>
    [JsonPropertyName("variant")]
    public string? Variant { get; init; }

    /// <summary>Labels of the image, from <c>config.Labels</c>.</summary>
    [JsonPropertyName("config")]
    public OciContainerConfig? Config { get; init; }

    /// <summary>The platform this config declares.</summary>
    public Platform ToPlatform() => new OciPlatform(Architecture, Os, Variant).ToPlatform();
}

/// <summary>The run-time part of an image config.</summary>
public sealed record OciContainerConfig
{
    /// <summary>The image labels, or null.</summary>
    [JsonPropertyName("Labels")]
    public IReadOnlyDictionary<string, string>? Labels { get; init; }
}
