using System.Text.Json;

namespace Pipeline.Containers;

/// <summary>An index ready to push: the document, its exact bytes and their digest.</summary>
/// <param name="Index">The index document.</param>
/// <param name="Content">The bytes that will be pushed; their SHA-256 is <paramref name="Digest"/>.</param>
/// <param name="Digest">The digest of <paramref name="Content"/>.</param>
public sealed record AssembledIndex(OciIndex Index, byte[] Content, Digest Digest);

/// <summary>Assembles an OCI image index from the images of single platforms.</summary>
public static class ImageIndexAssembler
{
    /// <summary>
    /// An index listing <paramref name="images"/> in the given order, one entry per platform, with
    /// <paramref name="annotations"/> on the index. Two images for one platform are an error.
    /// </summary>
    /// <param name="images">The platform images.</param>
    /// <param name="annotations">Index annotations (e.g. <c>org.opencontainers.image.revision</c>); dropped for a Docker manifest list.</param>
    /// <param name="mediaType"><see cref="MediaTypes.OciIndex"/> (default) or <see cref="MediaTypes.DockerManifestList"/>.</param>
    public static AssembledIndex Assemble(
        IEnumerable<PlatformImage> images,
        IReadOnlyDictionary<string, string>? annotations = null,
        string mediaType = MediaTypes.OciIndex)
    {
        if (!MediaTypes.IsIndex(mediaType))
        {
            throw new ArgumentException($"'{mediaType}' is not an index media type.", nameof(mediaType));
        }

        var list = images.ToArray();
        if (list.Length == 0)
        {
            throw new ContainerException("An index needs at least one platform image; nothing was built.");
        }

        var duplicate = list.GroupBy(i => i.Platform).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ContainerException(
                $"Two images claim platform {duplicate.Key} ({string.Join(", ", duplicate.Select(i => i.Digest))}); build each platform once.");
        }

        var index = new OciIndex(mediaType, list.Select(i => new OciDescriptor(i.MediaType, i.Digest, i.Size) { Platform = OciPlatform.From(i.Platform) }).ToArray())
        {
            Annotations = mediaType == MediaTypes.OciIndex && annotations is { Count: > 0 }
                ? new SortedDictionary<string, string>(annotations.ToDictionary(), StringComparer.Ordinal)
                : null,
        };
        var content = JsonSerializer.SerializeToUtf8Bytes(index, ContainersJsonContext.Default.OciIndex);
        return new AssembledIndex(index, content, Digest.Compute(content));
    }
}
