namespace Pipeline.Containers;

/// <summary>A manifest or index as read from a registry, its digest checked against its bytes.</summary>
/// <param name="Reference">The reference it was read by.</param>
/// <param name="Digest">The digest of <paramref name="Content"/>.</param>
/// <param name="MediaType">The media type the registry declared.</param>
/// <param name="Content">The exact bytes (their SHA-256 is the digest).</param>
public sealed record RegistryManifest(ImageReference Reference, Digest Digest, string MediaType, byte[] Content)
{
    /// <summary>The parsed index when this is an index or manifest list, otherwise null.</summary>
    public OciIndex? Index { get; init; }

    /// <summary>The parsed manifest when this is a single-platform manifest, otherwise null.</summary>
    public OciManifest? Manifest { get; init; }

    /// <summary>A descriptor of this content (for an index entry).</summary>
    public OciDescriptor ToDescriptor() => new(MediaType, Digest, Content.LongLength);
}
