namespace Pipeline.Containers;

/// <summary>One platform's image inside a multi-platform image.</summary>
/// <param name="Platform">The platform.</param>
/// <param name="Digest">The digest of the platform's manifest.</param>
/// <param name="MediaType">The manifest's media type.</param>
/// <param name="Size">The manifest's size in bytes.</param>
public sealed record PlatformImage(Platform Platform, Digest Digest, string MediaType, long Size);

/// <summary>
/// What BuildMultiArchImage produced: the index pushed under <see cref="Tags"/> and the image of each platform.
/// Written to <c>artifacts/image.json</c> so CaptureDigest can run in a later job.
/// </summary>
/// <param name="Repository">The repository, <c>registry/path</c>.</param>
/// <param name="Tags">The tags the index was pushed under; the first is the short commit when one was given.</param>
/// <param name="Digest">The digest of the index as pushed.</param>
/// <param name="MediaType">The media type of the index.</param>
/// <param name="Platforms">The image of each platform.</param>
public sealed record BuiltImage(
    string Repository,
    IReadOnlyList<string> Tags,
    Digest Digest,
    string MediaType,
    IReadOnlyList<PlatformImage> Platforms)
{
    /// <summary>The labels given to every platform's image.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>The commit the image was built from, or null.</summary>
    public string? SourceCommit { get; init; }

    /// <summary>The application version, or null.</summary>
    public string? Version { get; init; }

    /// <summary>The digest of the inputs it was built from (<see cref="BuildInputs"/>), or null when not recorded.</summary>
    public Digest? Inputs { get; init; }

    /// <summary>The strategy that built it: <c>buildx</c>, <c>engine</c> or <c>split</c>.</summary>
    public string Strategy { get; init; } = string.Empty;

    /// <summary><c>repository:firstTag@digest</c>.</summary>
    public ImageReference Reference => ImageReference.ForRepository(Repository).WithTag(Tags[0]).WithDigest(Digest);

    /// <summary>Writes this record as JSON (e.g. to <c>artifacts/image.json</c>), creating the folder.</summary>
    public Task WriteAsync(string path, CancellationToken cancellationToken = default) =>
        ImageRecord.FromBuilt(this).WriteAsync(path, cancellationToken);

    /// <summary>Reads a record written by <see cref="WriteAsync"/> (or by CaptureDigest).</summary>
    public static async Task<BuiltImage> ReadAsync(string path, CancellationToken cancellationToken = default) =>
        (await ImageRecord.ReadAsync(path, cancellationToken).ConfigureAwait(false)).ToBuilt();
}
