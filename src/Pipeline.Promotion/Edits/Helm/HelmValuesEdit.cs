using Pipeline.Containers;

namespace Pipeline.Promotion.Edits;

/// <summary>
/// Writes image parts at dotted paths of a Helm values file (or any YAML file): <c>backend.image.tag</c>, or a
/// repository/tag/digest triple such as <c>image.repository</c>, <c>image.tag</c>, <c>image.digest</c>. Each
/// path must exist and select exactly one scalar (see <see cref="ValuesPath"/> for quoting and indices).
/// </summary>
public sealed record HelmValuesEdit : ManifestEdit
{
    /// <summary>Path that receives the repository (<c>ghcr.io/org/app</c>).</summary>
    public string? Repository { get; init; }

    /// <summary>Path that receives the tag (<c>1.4.2</c>).</summary>
    public string? Tag { get; init; }

    /// <summary>Path that receives the digest (<c>sha256:...</c>).</summary>
    public string? Digest { get; init; }

    /// <summary>Path that receives the whole reference (<c>ghcr.io/org/app:1.4.2@sha256:...</c>).</summary>
    public string? Reference { get; init; }

    /// <summary>Path that receives <c>tag@digest</c> (charts that append the tag to <c>repository:</c>).</summary>
    public string? TagAndDigest { get; init; }

    /// <inheritdoc />
    public override string Selector => "values " + string.Join(", ", Fields().Select(f => f.Path));

    /// <summary>An edit of the tag alone at <paramref name="path"/>.</summary>
    public static HelmValuesEdit ForTag(string path) => new() { Tag = path };

    /// <summary>
    /// An edit of the usual triple under <paramref name="prefix"/>: <c>prefix.repository</c>, <c>prefix.tag</c>,
    /// <c>prefix.digest</c>, limited to <paramref name="parts"/>.
    /// </summary>
    public static HelmValuesEdit ForImage(string prefix, ImageParts parts = ImageParts.Repository | ImageParts.Tag | ImageParts.Digest) => new()
    {
        Repository = parts.HasFlag(ImageParts.Repository) ? prefix + ".repository" : null,
        Tag = parts.HasFlag(ImageParts.Tag) ? prefix + ".tag" : null,
        Digest = parts.HasFlag(ImageParts.Digest) ? prefix + ".digest" : null,
    };

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        if (!Fields().Any())
        {
            throw new ManifestEditConfigException("values", nameof(Tag),
                "A Helm values edit needs at least one of Repository, Tag, Digest, Reference or TagAndDigest.");
        }

        foreach (var (_, path, setting) in Fields())
        {
            if (!ValuesPath.TryParse(path, out _, out var error))
            {
                throw new ManifestEditConfigException(path, setting, $"{setting} path '{path}': {error}");
            }
        }
    }

    /// <inheritdoc />
    public override EditResult Apply(ManifestDocument document, ImageReference image)
    {
        var plan = EditPlan.Start(document, this);
        foreach (var (field, pathText, _) in Fields())
        {
            string Value(string existing) => field switch
            {
                ImageValues.RepositoryField => ImageValues.Repository(image, existing),
                ImageValues.TagField => ImageValues.Tag(image, document, pathText),
                ImageValues.DigestField => ImageValues.Digest(image, document, pathText),
                ImageValues.TagAndDigestField => ImageValues.TagAndDigest(image, document, pathText),
                _ => ImageValues.Reference(image, ImageParts.Tag | ImageParts.Digest, document, pathText, existing),
            };

            _ = Value(""); // fails early, before locating, when the image lacks the part
            var found = new List<string>();
            var matches = ValuesLocator.Find(plan, ValuesPath.Parse(pathText), pathText, found);
            CheckCount(document, pathText, matches.Count, atLeastOneByDefault: false,
                () => matches.Count > 0 ? [.. matches.Select(m => $"line {m.Line} {YamlPaths.Describe(m)}")] : found,
                "Check the path against the file, or add the key (any value) first.");
            foreach (var match in matches)
            {
                plan.Replace(match, Value(match.Value), field, pathText);
            }

            plan.Matches += matches.Count;
        }

        return plan.Execute();
    }

    private IEnumerable<(string Field, string Path, string Setting)> Fields()
    {
        if (Repository is not null)
        {
            yield return (ImageValues.RepositoryField, Repository, nameof(Repository));
        }

        if (Tag is not null)
        {
            yield return (ImageValues.TagField, Tag, nameof(Tag));
        }

        if (Digest is not null)
        {
            yield return (ImageValues.DigestField, Digest, nameof(Digest));
        }

        if (Reference is not null)
        {
            yield return (ImageValues.ReferenceField, Reference, nameof(Reference));
        }

        if (TagAndDigest is not null)
        {
            yield return (ImageValues.TagAndDigestField, TagAndDigest, nameof(TagAndDigest));
        }
    }
}
