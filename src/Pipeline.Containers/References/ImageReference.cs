using System.Diagnostics.CodeAnalysis;

namespace Pipeline.Containers;

/// <summary>
/// A normalised image reference: <c>registry/repository[:tag][@digest]</c>.
/// <c>nginx</c> becomes <c>docker.io/library/nginx:latest</c>; <c>localhost:5000/app</c> keeps its registry and port.
/// Construct with <see cref="Parse"/>, <see cref="TryParse"/> or <see cref="ForRepository"/>; derive with
/// <see cref="WithTag"/> and <see cref="WithDigest"/>, which validate.
/// </summary>
public sealed partial record ImageReference
{
    /// <summary>The registry used when a reference names none.</summary>
    public const string DockerHub = "docker.io";

    /// <summary>The longest <c>registry/repository</c> a registry accepts.</summary>
    public const int MaxNameLength = 255;

    private ImageReference(string registry, string repository, string? tag, Digest? digest)
    {
        Registry = registry;
        Repository = repository;
        Tag = tag;
        Digest = digest;
    }

    /// <summary>The registry host with its port if any (<c>docker.io</c>, <c>ghcr.io</c>, <c>localhost:5000</c>).</summary>
    public string Registry { get; private init; }

    /// <summary>The repository path inside the registry (<c>library/nginx</c>, <c>org/app</c>).</summary>
    public string Repository { get; private init; }

    /// <summary>The tag, or null when the reference names only a digest or only a repository.</summary>
    public string? Tag { get; private init; }

    /// <summary>The digest, or null when the reference is by tag.</summary>
    public Digest? Digest { get; private init; }

    /// <summary><c>registry/repository</c>, without tag or digest.</summary>
    public string Name => $"{Registry}/{Repository}";

    /// <summary>True when the registry is on this machine (<c>localhost</c>, <c>127.x.x.x</c>, <c>[::1]</c>).</summary>
    public bool IsLoopbackRegistry => RegistryHosts.IsLoopback(Registry);

    /// <summary>
    /// Parses and normalises a reference; a reference with neither tag nor digest gets the tag <c>latest</c>.
    /// Throws <see cref="InvalidImageReferenceException"/> saying what is wrong.
    /// </summary>
    public static ImageReference Parse(string value) =>
        TryParse(value, out var reference, out var error)
            ? reference
            : throw new InvalidImageReferenceException(value, error);

    /// <summary>Parses and normalises a reference; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(
        string? value,
        [NotNullWhen(true)] out ImageReference? reference,
        [NotNullWhen(false)] out string? error)
    {
        reference = ParseCore(value, defaultTag: true, out error);
        return reference is not null;
    }

    /// <summary>
    /// Parses a repository such as <c>ghcr.io/org/app</c> (the <c>--image</c> parameter): no tag, no digest.
    /// </summary>
    public static ImageReference ForRepository(string repository)
    {
        var reference = ParseCore(repository, defaultTag: false, out var error)
            ?? throw new InvalidImageReferenceException(repository, error!);
        if (reference.Tag is not null || reference.Digest is not null)
        {
            throw new InvalidImageReferenceException(
                repository,
                "a repository is expected here, without ':tag' or '@digest'; pass tags separately");
        }

        return reference;
    }

    /// <summary>The same repository with <paramref name="tag"/> and no digest.</summary>
    public ImageReference WithTag(string tag) => this with { Tag = ImageTag.EnsureValid(tag), Digest = null };

    /// <summary>The same repository and tag, pinned to <paramref name="digest"/>.</summary>
    public ImageReference WithDigest(Digest digest) => this with { Digest = digest };

    /// <summary>The same repository pinned to <paramref name="digest"/>, without a tag.</summary>
    public ImageReference AtDigest(Digest digest) => this with { Tag = null, Digest = digest };

    /// <summary>The repository alone, without tag or digest.</summary>
    public ImageReference WithoutTagOrDigest() => this with { Tag = null, Digest = null };

    /// <summary>Formats <c>registry/repository[:tag][@digest]</c>.</summary>
    public override string ToString()
    {
        var text = Name;
        if (Tag is not null)
        {
            text += ":" + Tag;
        }

        if (Digest is not null)
        {
            text += "@" + Digest;
        }

        return text;
    }
}
