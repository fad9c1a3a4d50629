using Pipeline.Containers;

namespace Pipeline.Promotion.Edits;

/// <summary>
/// Pins the entry of a kustomization's <c>images:</c> list whose <c>name</c> is <see cref="Name"/>: writes
/// <c>newTag</c> and <c>digest</c>, and <c>newName</c> when the pinned repository differs from the name (compared
/// as normalised references, so <c>nginx</c> is <c>docker.io/library/nginx</c>) or the entry already has one. Keys that are missing are added after the entry's last key with the entry's
/// indentation (or as <c>, key: value</c> in a flow mapping). The entry itself must exist.
/// </summary>
/// <param name="Name">The entry's <c>name</c>, exactly as written in the kustomization.</param>
public sealed record KustomizeImageEdit(string Name) : ManifestEdit
{
    /// <summary>
    /// The keys to write: <see cref="ImageParts.Repository"/> for <c>newName</c>, <see cref="ImageParts.Tag"/> for
    /// <c>newTag</c>, <see cref="ImageParts.Digest"/> for <c>digest</c>. All three by default.
    /// </summary>
    public ImageParts Parts { get; init; } = ImageParts.Repository | ImageParts.Tag | ImageParts.Digest;

    /// <inheritdoc />
    public override string Selector => $"images[name={Name}]";

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new ManifestEditConfigException("images", nameof(Name), "A kustomize image edit needs the image name of the images: entry.");
        }

        if (Parts == ImageParts.None)
        {
            throw new ManifestEditConfigException(Selector, nameof(Parts), $"{Selector}: Parts is None; choose Repository, Tag and/or Digest.");
        }
    }

    /// <inheritdoc />
    public override EditResult Apply(ManifestDocument document, ImageReference image)
    {
        var plan = EditPlan.Start(document, this);
        var found = new List<string>();
        var entries = FindEntries(plan, found);
        CheckCount(document, Selector, entries.Count, atLeastOneByDefault: false,
            () => entries.Count > 0 ? [.. entries.Select(e => $"line {e.Line} {YamlPaths.Describe(e)}")] : found,
            "Check the name against the images: list (the entry must exist; add it once by hand).");
        foreach (var entry in entries)
        {
            var existingName = entry.ValuesOf("newName");
            if (Parts.HasFlag(ImageParts.Repository) && (existingName.Count > 0 || !ImageValues.SameRepository(Name, image)))
            {
                var spelling = existingName is [YamlScalar current] ? current.Value : Name;
                Set(plan, entry, "newName", ImageValues.Repository(image, spelling), ImageValues.RepositoryField);
            }

            if (Parts.HasFlag(ImageParts.Tag))
            {
                Set(plan, entry, "newTag", ImageValues.Tag(image, document, Selector), ImageValues.TagField);
            }

            if (Parts.HasFlag(ImageParts.Digest))
            {
                Set(plan, entry, "digest", ImageValues.Digest(image, document, Selector), ImageValues.DigestField);
            }
        }

        plan.Matches = entries.Count;
        return plan.Execute();
    }

    private void Set(EditPlan plan, YamlMapping entry, string key, string value, string field)
    {
        var values = entry.ValuesOf(key);
        switch (values.Count)
        {
            case 0:
                plan.AddKey(entry, key, value, field, Selector);
                break;
            case 1 when ValuesLocator.NotAlias(plan, values[0], Selector) is YamlScalar scalar:
                plan.Replace(scalar, value, field, Selector);
                break;
            default:
                throw new ManifestLocationException(plan.Document.Path, Selector, entry.Line, entry.Column,
                    $"{plan.Document.Path}:{entry.Line}: {Selector} has {values.Count} '{key}' keys or a '{key}' that is not a value; keep exactly one.");
        }
    }

    private List<YamlMapping> FindEntries(EditPlan plan, List<string> found)
    {
        var entries = new List<YamlMapping>();
        foreach (var document in plan.Tree.Documents)
        {
            if (document.Root is not YamlMapping root || root.ValueOf("images") is not { } images)
            {
                continue;
            }

            if (ValuesLocator.NotAlias(plan, images, Selector) is not YamlSequence list)
            {
                found.Add($"images at line {images.Line} is a {images.KindName}, not a list");
                continue;
            }

            var names = new List<string>();
            foreach (var item in list.Items)
            {
                if (ValuesLocator.NotAlias(plan, item, Selector) is YamlMapping entry && entry.ValueOf("name") is YamlScalar name)
                {
                    names.Add(name.Value);
                    if (name.Value == Name)
                    {
                        entries.Add(entry);
                    }
                }
            }

            found.Add($"images: {(names.Count == 0 ? "(none)" : string.Join(", ", names))}");
        }

        if (found.Count == 0)
        {
            found.Add("no document has a top-level images: list");
        }

        return entries;
    }
}
