using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Containers;

/// <summary>The JSON of <c>artifacts/image.json</c>, shared by <see cref="BuiltImage"/> and <see cref="PinnedImage"/>.</summary>
internal sealed record ImageRecord(
    [property: JsonPropertyName("repository")] string Repository,
    [property: JsonPropertyName("tags")] IReadOnlyList<string> Tags,
    [property: JsonPropertyName("digest")] Digest Digest,
    [property: JsonPropertyName("reference")] string Reference,
    [property: JsonPropertyName("mediaType")] string MediaType,
    [property: JsonPropertyName("platforms")] IReadOnlyList<PlatformRecord> Platforms)
{
    [JsonPropertyName("sourceCommit")]
    public string? SourceCommit { get; init; }

    [JsonPropertyName("version")]
    public string? Version { get; init; }

    [JsonPropertyName("strategy")]
    public string? Strategy { get; init; }

    [JsonPropertyName("inputs")]
    public Digest? Inputs { get; init; }

    [JsonPropertyName("labels")]
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    [JsonPropertyName("captured")]
    public bool Captured { get; init; }

    [JsonPropertyName("capturedAt")]
    public DateTimeOffset? CapturedAt { get; init; }

    public static ImageRecord FromBuilt(BuiltImage image) =>
        new(image.Repository, image.Tags, image.Digest, image.Reference.ToString(), image.MediaType,
            image.Platforms.Select(p => new PlatformRecord(p.Platform.ToString(), p.Digest, p.MediaType, p.Size)).ToArray())
        {
            SourceCommit = image.SourceCommit,
            Version = image.Version,
            Strategy = image.Strategy,
            Inputs = image.Inputs,
            Labels = image.Labels,
        };

    public BuiltImage ToBuilt() =>
        new(Repository, Tags, Digest, MediaType, Platforms.Select(p => new PlatformImage(Platform.Parse(p.Platform), p.Digest, p.MediaType ?? MediaTypes.OciManifest, p.Size ?? 0)).ToArray())
        {
            SourceCommit = SourceCommit,
            Version = Version,
            Strategy = Strategy ?? string.Empty,
            Inputs = Inputs,
            Labels = Labels ?? new Dictionary<string, string>(),
        };

    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        // Written beside and moved into place, so a failure never leaves half a record that a later job would trust.
        var partial = path + ".partial";
        var json = ForPeople(this, ImageRecordJsonContext.Default.ImageRecord);
        await File.WriteAllTextAsync(partial, SecretRegistry.Shared.Redact(json), cancellationToken).ConfigureAwait(false);
        File.Move(partial, path, overwrite: true);
    }

    /// <summary>Indented JSON with <c>+</c>, <c>&lt;</c> and <c>&gt;</c> as themselves (media types read as written); never embedded in HTML.</summary>
    internal static string ForPeople<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            JsonSerializer.Serialize(writer, value, type);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    public static async Task<ImageRecord> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new ContainerException($"There is no image record at '{path}'; run BuildMultiArchImage first (or download its artifacts into this job).");
        }

        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync(stream, ImageRecordJsonContext.Default.ImageRecord, cancellationToken).ConfigureAwait(false)
                ?? throw new ContainerException($"The image record '{path}' is empty.");
        }
        catch (JsonException exception)
        {
            throw new ContainerException($"The image record '{path}' is not valid ({exception.Message}); rebuild the image to write it again.", exception);
        }
    }
}

internal sealed record PlatformRecord(
    [property: JsonPropertyName("platform")] string Platform,
    [property: JsonPropertyName("digest")] Digest Digest,
    [property: JsonPropertyName("mediaType")] string? MediaType,
    [property: JsonPropertyName("size")] long? Size)
{
    [JsonPropertyName("architecture")]
    public string? ConfigArchitecture { get; init; }

    [JsonPropertyName("os")]
    public string? ConfigOs { get; init; }
}

internal sealed record SplitPlatformRecord(
    [property: JsonPropertyName("repository")] string Repository,
    [property: JsonPropertyName("platform")] string Platform,
    [property: JsonPropertyName("digest")] Digest Digest,
    [property: JsonPropertyName("mediaType")] string MediaType,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("sourceCommit")] string? SourceCommit);

[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ImageRecord))]
[JsonSerializable(typeof(PlatformRecord))]
[JsonSerializable(typeof(SplitPlatformRecord))]
internal sealed partial class ImageRecordJsonContext : JsonSerializerContext;
