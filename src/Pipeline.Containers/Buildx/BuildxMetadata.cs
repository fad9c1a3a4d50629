using System.Text.Json;

namespace Pipeline.Containers;

/// <summary>
/// What <c>docker buildx build --metadata-file</c> writes: the pushed image's digest and descriptor and its names.
/// See https://docs.docker.com/reference/cli/docker/buildx/build/#metadata-file.
/// </summary>
/// <param name="ImageDigest"><c>containerimage.digest</c>: the digest of the index (or of the manifest for one platform).</param>
/// <param name="Descriptor"><c>containerimage.descriptor</c>, when present.</param>
/// <param name="ConfigDigest"><c>containerimage.config.digest</c>, when present.</param>
/// <param name="ImageNames"><c>image.name</c>, split at commas.</param>
/// <param name="BuildRef"><c>buildx.build.ref</c>, when present.</param>
public sealed record BuildxMetadata(
    Digest? ImageDigest,
    OciDescriptor? Descriptor,
    Digest? ConfigDigest,
    IReadOnlyList<string> ImageNames,
    string? BuildRef)
{
    /// <summary>Parses the metadata JSON; throws <see cref="ContainerException"/> naming the file when it is not valid.</summary>
    public static BuildxMetadata Parse(string json, string source = "buildx metadata")
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var descriptor = root.TryGetProperty("containerimage.descriptor", out var d) && d.ValueKind == JsonValueKind.Object
                ? d.Deserialize(ContainersJsonContext.Default.OciDescriptor)
                : null;
            var names = String(root, "image.name")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
            return new BuildxMetadata(
                DigestOf(root, "containerimage.digest") ?? descriptor?.Digest,
                descriptor,
                DigestOf(root, "containerimage.config.digest"),
                names,
                String(root, "buildx.build.ref"));
        }
        catch (Exception exception) when (exception is JsonException or InvalidImageReferenceException)
        {
            throw new ContainerException($"The {source} is not what buildx writes ({exception.Message}).", exception);
        }
    }

    /// <summary>Reads and parses a metadata file.</summary>
    public static async Task<BuildxMetadata> ReadAsync(string path, CancellationToken cancellationToken = default) =>
        Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), $"metadata file '{path}'");

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Digest? DigestOf(JsonElement root, string name) => String(root, name) is { } text ? Digest.Parse(text) : null;
}
