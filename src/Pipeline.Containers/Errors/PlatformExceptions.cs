namespace Pipeline.Containers;

/// <summary>A platform asked for is not in the pushed index.</summary>
public sealed class PlatformMissingException : ContainerException
{
    /// <summary>Creates the exception.</summary>
    public PlatformMissingException(ImageReference reference, IReadOnlyList<Platform> missing, IReadOnlyList<Platform> present)
        : base(
            $"The index {reference} lacks {string.Join(", ", missing)} (it has {(present.Count == 0 ? "no image platforms" : string.Join(", ", present))}). "
            + "Build and push every platform (check --platforms and that each platform's build ran), then capture again.")
    {
        Reference = reference;
        Missing = missing;
        Present = present;
    }

    /// <summary>The index that was checked.</summary>
    public ImageReference Reference { get; }

    /// <summary>The platforms asked for but absent.</summary>
    public IReadOnlyList<Platform> Missing { get; }

    /// <summary>The image platforms the index has (attestation entries excluded).</summary>
    public IReadOnlyList<Platform> Present { get; }
}

/// <summary>An image's config declares another platform than the one it was built or listed for.</summary>
public sealed class PlatformMismatchException : ContainerException
{
    /// <summary>Creates the exception.</summary>
    public PlatformMismatchException(string image, Platform expected, Platform actual)
        : base(
            $"The image {image} should be {expected} but its config says {actual}. The builder ignored the platform "
            + "(the Engine API's classic builder does this); build with BuildKit.")
    {
        Image = image;
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The image checked.</summary>
    public string Image { get; }

    /// <summary>The platform asked for.</summary>
    public Platform Expected { get; }

    /// <summary>The platform its config declares.</summary>
    public Platform Actual { get; }
}

/// <summary>A tag no longer points at the digest the build pushed: someone pushed over it.</summary>
public sealed class TagMovedException : ContainerException
{
    /// <summary>Creates the exception.</summary>
    public TagMovedException(ImageReference tag, Digest expected, Digest actual)
        : base(
            $"The tag {tag} points at {actual}, not at {expected} which the build pushed: the tag moved. "
            + "Another build pushed over it; rebuild, or capture the digest the build reported.")
    {
        Tag = tag;
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The tag that moved.</summary>
    public ImageReference Tag { get; }

    /// <summary>The digest the build reported.</summary>
    public Digest Expected { get; }

    /// <summary>The digest the tag points at now.</summary>
    public Digest Actual { get; }
}

/// <summary>A multi-platform image was asked for, but the digest names one platform's manifest, not an index.</summary>
public sealed class ManifestMediaTypeException : ContainerException
{
    /// <summary>Creates the exception.</summary>
    public ManifestMediaTypeException(ImageReference reference, string actual, IReadOnlyList<Platform> platforms)
        : base(
            $"{reference} is a single-platform manifest ({actual}), but {string.Join(", ", platforms)} need an image index "
            + $"({MediaTypes.OciIndex} or {MediaTypes.DockerManifestList}). Pin the index digest that CaptureDigest reported "
            + "(artifacts/image.json), not the digest of one platform's manifest.")
    {
        Reference = reference;
        Actual = actual;
        Platforms = platforms;
    }

    /// <summary>The reference that was checked.</summary>
    public ImageReference Reference { get; }

    /// <summary>The media type the registry has for it.</summary>
    public string Actual { get; }

    /// <summary>The platforms that were asked for.</summary>
    public IReadOnlyList<Platform> Platforms { get; }
}
