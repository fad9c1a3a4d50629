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

    public static string Repository(ImageReference image) => image.Name;

    public static string Tag(ImageReference image, ManifestDocument document, string selector) =>
        image.Tag ?? throw Missing(document, selector, TagField, image, "has no tag; pass an image reference with ':tag'");

    public static string Digest(ImageReference image, ManifestDocument document, string selector) =>
        image.Digest?.ToString() ?? throw Missing(document, selector, DigestField, image,
            "has no digest; pin the image first (CaptureDigest) or pass 'repo:tag@sha256:...'");

    public static string TagAndDigest(ImageReference image, ManifestDocument document, string selector) =>
        Tag(image, document, selector) + "@" + Digest(image, document, selector);

    /// <summary><c>repository[:tag][@digest]</c> with the parts <paramref name="parts"/> asks for (the repository always).</summary>
    public static string Reference(ImageReference image, ImageParts parts, ManifestDocument document, string selector)
    {
        var text = image.Name;
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
