namespace Pipeline.Containers;

/// <summary>What CaptureDigest checks: a repository's tags, the digest the build reported, the platforms that must be present.</summary>
/// <param name="Repository">The repository, e.g. <c>ghcr.io/org/app</c>.</param>
/// <param name="Tags">The tags to resolve; the first is the one in the pinned reference.</param>
public sealed record CaptureRequest(string Repository, IReadOnlyList<string> Tags)
{
    /// <summary>The digest the build reported; when the tag resolves to another, the tag moved (an error). Null to accept any.</summary>
    public Digest? ExpectedDigest { get; init; }

    /// <summary>The platforms that must be in the index.</summary>
    public IReadOnlyList<Platform> Platforms { get; init; } = Platform.Defaults;

    /// <summary>The commit the image was built from, carried into the record.</summary>
    public string? SourceCommit { get; init; }

    /// <summary>The application version, carried into the record.</summary>
    public string? Version { get; init; }

    /// <summary>The strategy that built the image, carried into the record.</summary>
    public string? Strategy { get; init; }

    /// <summary>The capture of what <paramref name="built"/> says it pushed; <paramref name="platforms"/> defaults to the platforms it built.</summary>
    public static CaptureRequest From(BuiltImage built, IReadOnlyList<Platform>? platforms = null) =>
        new(built.Repository, built.Tags)
        {
            ExpectedDigest = built.Digest,
            Platforms = platforms ?? built.Platforms.Select(p => p.Platform).ToArray(),
            SourceCommit = built.SourceCommit,
            Version = built.Version,
            Strategy = built.Strategy,
        };
}
