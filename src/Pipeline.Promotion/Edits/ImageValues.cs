using Pipeline.Containers;

namespace Pipeline.Promotion.Edits;

/// <summary>The text of each part of a pinned image, with an error naming the edit when a part is missing.</summary>
internal static class ImageValues
{
    public const string RepositoryField = "repository";
    public const string TagField = "tag";
    public const string DigestField = "digest";
    public const string ReferenceField = "reference";
    public const string TagAndDigestField = "tag@digest";

    /// <summary>
    /// The repository to write. When <paramref name="existing"/> (the value being replaced: a repository or a
    /// reference) names the same repository in another spelling (<c>nginx</c> for <c>docker.io/library/nginx</c>),
    /// that spelling is kept, so a pin does not rewrite names it does not change.
    /// </summary>
    public static string Repository(ImageReference image, string? existing = null)
    {
        if (string.IsNullOrEmpty(existing))
        {
            return image.Name;
        }

        var name = RepositoryPart(existing);
        return SameRepository(name, image) && ScalarText.Problem(name) is null ? name : image.Name;
    }

    /// <summary>True when <paramref name="name"/> parses to the repository of <paramref name="image"/>.</summary>
    public static bool SameRepository(string name, ImageReference image) =>
        ImageReference.TryParse(RepositoryPart(name), out var parsed, out _) && parsed.Name == image.Name;

    private static string RepositoryPart(string reference)
    {
        var at = reference.IndexOf('@', StringComparison.Ordinal);
        var name = at < 0 ? reference : reference[..at];
        var colon = name.LastIndexOf(':');
        return colon > name.LastIndexOf('/') ? name[..colon] : name;
    }

    public static string Tag(ImageReference image, ManifestDocument document, string selector) =>
        image.Tag ?? throw Missing(document, selector, TagField, image, "has no tag; pass an image reference with ':tag'");

    public static string Digest(ImageReference image, ManifestDocument document, string selector) =>
        image.Digest?.ToString() ?? throw Missing(document, selector, DigestField, image,
            "has no digest; pin the image first (CaptureDigest) or pass 'repo:tag@sha256:...'");

    public static string TagAndDigest(ImageReference image, ManifestDocument document, string selector) =>
        Tag(image, document, selector) + "@" + Digest(image, document, selector);

    /// <summary>
    /// <c>repository[:tag][@digest]</c> with the parts <paramref name="parts"/> asks for (the repository always, in
    /// the spelling of <paramref name="existing"/> when that names the same repository).
    /// </summary>
    public static string Reference(ImageReference image, ImageParts parts, ManifestDocument document, string selector, string? existing = null)
    {
        var text = Repository(image, existing);
        if (parts.HasFlag(ImageParts.Tag))
        {
            text += ":" + Tag(image, document, selector);
        }

        if (parts.HasFlag(ImageParts.Digest))
        {
            text += "@" + Digest(image, document, selector);
        }

        return text;
    }

    public static void ValidateReferenceParts(ImageParts parts, string selector, string setting)
    {
        if (!parts.HasFlag(ImageParts.Tag) && !parts.HasFlag(ImageParts.Digest))
        {
            throw new ManifestEditConfigException(selector, setting,
                $"{selector}: {setting} must include Tag, Digest or both (the repository is always written).");
        }
    }

    private static ManifestValueException Missing(ManifestDocument document, string selector, string field, ImageReference image, string problem) =>
        new(document.Path, selector, field, $"{document.Path}: {selector} needs the image's {field}, but '{image}' {problem}.");
}
