namespace Pipeline.Containers;

/// <summary>One platform proved present in a pinned image: listed in the index and declared by its image config.</summary>
/// <param name="Platform">The platform.</param>
/// <param name="Digest">The digest of the platform's manifest.</param>
/// <param name="MediaType">The manifest's media type.</param>
/// <param name="Size">The manifest's size in bytes.</param>
public sealed record PinnedPlatform(Platform Platform, Digest Digest, string MediaType, long Size)
{
    /// <summary>The architecture the image config declares (the proof of the platform).</summary>
    public string? ConfigArchitecture { get; init; }

    /// <summary>The operating system the image config declares.</summary>
    public string? ConfigOs { get; init; }
}

/// <summary>
/// What CaptureDigest proved: the tag resolves in the registry to <see cref="Digest"/>, which is what the build pushed,
/// and every requested platform is in it. <see cref="Reference"/> (<c>repo:tag@sha256:...</c>) is what a cluster deploys.
/// Serialises to <c>artifacts/image.json</c> and reads back from it.
/// </summary>
/// <param name="Repository">The repository, <c>registry/path</c>.</param>
/// <param name="Tags">The tags, all resolving to <paramref name="Digest"/>.</param>
/// <param name="Digest">The digest of the index (or of the manifest for one platform).</param>
/// <param name="MediaType">Its media type.</param>
/// <param name="Platforms">Each platform with its manifest digest.</param>
public sealed partial record PinnedImage(
    string Repository,
    IReadOnlyList<string> Tags,
    Digest Digest,
    string MediaType,
    IReadOnlyList<PinnedPlatform> Platforms)
{
    /// <summary>The commit the image was built from, or null.</summary>
    public string? SourceCommit { get; init; }

    /// <summary>The application version, or null.</summary>
    public string? Version { get; init; }

    /// <summary>The strategy that built the image, when known.</summary>
    public string? Strategy { get; init; }

    /// <summary>When the digest was captured.</summary>
    public DateTimeOffset CapturedAt { get; init; }

    /// <summary><c>repository:firstTag@digest</c>: immutable, and readable for humans.</summary>
    public ImageReference Reference => ImageReference.ForRepository(Repository).WithTag(Tags[0]).WithDigest(Digest);

    /// <summary>Writes <c>image.json</c> (creating the folder).</summary>
    public Task WriteAsync(string path, CancellationToken cancellationToken = default) =>
        ToRecord().WriteAsync(path, cancellationToken);

    /// <summary>Reads a record written by <see cref="WriteAsync"/>; a record the capture has not proved yet is an error.</summary>
    public static async Task<PinnedImage> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var record = await ImageRecord.ReadAsync(path, cancellationToken).ConfigureAwait(false);
        if (!record.Captured)
        {
            throw new ContainerException($"'{path}' records a build whose digest was not captured yet; run CaptureDigest first.");
        }

        return new PinnedImage(
            record.Repository,
            record.Tags,
            record.Digest,
            record.MediaType,
            record.Platforms.Select(p => new PinnedPlatform(Platform.Parse(p.Platform), p.Digest, p.MediaType ?? MediaTypes.OciManifest, p.Size ?? 0)
            {
                ConfigArchitecture = p.ConfigArchitecture,
                ConfigOs = p.ConfigOs,
            }).ToArray())
        {
            SourceCommit = record.SourceCommit,
            Version = record.Version,
            Strategy = record.Strategy,
            CapturedAt = record.CapturedAt ?? default,
        };
    }

    private ImageRecord ToRecord() =>
        new(Repository, Tags, Digest, Reference.ToString(), MediaType,
            Platforms.Select(p => new PlatformRecord(p.Platform.ToString(), p.Digest, p.MediaType, p.Size) { ConfigArchitecture = p.ConfigArchitecture, ConfigOs = p.ConfigOs }).ToArray())
        {
            SourceCommit = SourceCommit,
            Version = Version,
            Strategy = Strategy,
            Captured = true,
            CapturedAt = CapturedAt,
        };
}
