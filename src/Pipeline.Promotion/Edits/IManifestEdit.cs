using Pipeline.Containers;

namespace Pipeline.Promotion.Edits;

/// <summary>
/// Writes a pinned image into one manifest held in memory, changing only the bytes of the values it targets.
/// </summary>
public interface IManifestEdit
{
    /// <summary>A short description of what the edit selects, used in errors and change lists.</summary>
    string Selector { get; }

    /// <summary>Checks the configuration alone; throws <see cref="ManifestEditConfigException"/> naming the bad setting.</summary>
    void Validate();

    /// <summary>
    /// Applies the edit to <paramref name="document"/>. Returns the edited document and the changes; throws a
    /// <see cref="ManifestEditException"/> (and changes nothing) when the selector matches nothing or too much,
    /// the value cannot be written, or the result would differ from the original anywhere else.
    /// </summary>
    EditResult Apply(ManifestDocument document, ImageReference image);
}

/// <summary>Settings shared by the built-in edits.</summary>
public abstract record ManifestEdit : IManifestEdit
{
    /// <summary>
    /// How many locations must match. Null means the kind's default: exactly one for a values path, a container
    /// and a kustomize image (per field), at least one for markers and regular expressions.
    /// </summary>
    public int? ExpectedMatches { get; init; }

    /// <summary>
    /// Allow changing a value that aliases share (an anchored scalar, or a value inside an anchored mapping, that
    /// some <c>*alias</c> refers to). Off by default: such an edit would change more than the selected value and
    /// fails with <see cref="ManifestAnchorException"/>. When on, the edit is made at the anchor and each change
    /// lists the aliases in <see cref="ManifestChange.SharedWith"/>.
    /// </summary>
    public bool EditSharedAnchors { get; init; }

    /// <inheritdoc />
    public abstract string Selector { get; }

    /// <inheritdoc />
    public virtual void Validate()
    {
        if (ExpectedMatches is < 1)
        {
            throw new ManifestEditConfigException(
                Selector, nameof(ExpectedMatches), $"{Selector}: ExpectedMatches is {ExpectedMatches}; use 1 or more, or leave it unset.");
        }
    }

    /// <inheritdoc />
    public abstract EditResult Apply(ManifestDocument document, ImageReference image);

    internal void CheckCount(ManifestDocument document, string selector, int matched, bool atLeastOneByDefault, Func<IReadOnlyList<string>> found, string hint)
    {
        var ok = ExpectedMatches is { } expected ? matched == expected : atLeastOneByDefault ? matched >= 1 : matched == 1;
        if (ok)
        {
            return;
        }

        var expectedText = ExpectedMatches?.ToString(System.Globalization.CultureInfo.InvariantCulture)
            ?? (atLeastOneByDefault ? "at least 1" : "1");
        var foundList = found();
        var what = foundList.Count == 0 ? "" : $"; found: {string.Join("; ", foundList)}";
        var message = matched == 0
            ? $"{document.Path}: {selector} matched nothing{what}. {hint}"
            : $"{document.Path}: {selector} matched {matched} locations, expected {expectedText}{what}. "
                + "Narrow the selector, or set ExpectedMatches when every match should change.";
        throw new ManifestMatchException(document.Path, selector, expectedText, matched, foundList, message);
    }
}
