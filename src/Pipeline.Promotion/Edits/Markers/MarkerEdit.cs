using Pipeline.Containers;

namespace Pipeline.Promotion.Edits;

/// <summary>
/// Writes into every value followed, on the same line, by a marker comment naming <see cref="Name"/>, in the
/// style of Flux image-update setters: <c>image: ghcr.io/x/app:1.0 # {"$promote": "app"}</c> gets the reference,
/// <c>"app:tag"</c> the tag, <c>"app:name"</c> the repository, <c>"app:digest"</c> the digest. See
/// the README for the exact grammar; <see cref="Key"/> = <c>$imagepolicy</c> reads Flux's own markers.
/// </summary>
/// <param name="Name">The name the markers carry (<c>app</c>, or <c>flux-system:podinfo</c> for Flux markers).</param>
public sealed record MarkerEdit(string Name) : ManifestEdit
{
    /// <summary>The JSON key of the marker, <c>$promote</c> by default.</summary>
    public string Key { get; init; } = "$promote";

    /// <summary>What a marker without a field receives after the repository; <c>Tag | Digest</c> by default.</summary>
    public ImageParts Parts { get; init; } = ImageParts.Tag | ImageParts.Digest;

    /// <inheritdoc />
    public override string Selector => $"marker {{\"{Key}\": \"{Name}\"}}";

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        if (string.IsNullOrWhiteSpace(Name) || Name.Any(c => c is '"' or '\\' || char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ManifestEditConfigException(Selector, nameof(Name), $"{Selector}: the marker name must be non-empty, without quotes, backslashes or spaces.");
        }

        if (string.IsNullOrWhiteSpace(Key) || Key.Any(c => c is '"' or '\\' || char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ManifestEditConfigException(Selector, nameof(Key), $"{Selector}: the marker key must be non-empty, without quotes, backslashes or spaces.");
        }

        ImageValues.ValidateReferenceParts(Parts, Selector, nameof(Parts));
    }

    /// <inheritdoc />
    public override EditResult Apply(ManifestDocument document, ImageReference image)
    {
        var plan = EditPlan.Start(document, this);
        var markers = MarkerLocator.Find(plan, this);
        var mine = markers.Where(m => m.Marker.Name == Name).ToList();
        CheckCount(document, Selector, mine.Count, atLeastOneByDefault: true,
            () => mine.Count > 0
                ? [.. mine.Select(m => $"line {m.Target.Line} {YamlPaths.Describe(m.Target)}")]
                : [.. markers.Select(m => $"line {m.Target.Line} marker for '{m.Marker.Name}'").DefaultIfEmpty($"no {Key} markers")],
            $"Add a comment {{\"{Key}\": \"{Name}\"}} after the value to pin.");
        foreach (var (target, marker) in mine)
        {
            var selector = $"{{\"{Key}\": \"{Name}{(marker.Field is null ? "" : ":" + marker.Field)}\"}}";
            var (field, value) = marker.Field switch
            {
                "tag" => (ImageValues.TagField, ImageValues.Tag(image, document, selector)),
                "name" => (ImageValues.RepositoryField, ImageValues.Repository(image, target.Value)),
                "digest" => (ImageValues.DigestField, ImageValues.Digest(image, document, selector)),
                _ => (ImageValues.ReferenceField, ImageValues.Reference(image, Parts, document, selector, target.Value)),
            };
            plan.Replace(target, value, field, selector);
        }

        plan.Matches = mine.Count;
        return plan.Execute();
    }
}
