namespace Pipeline.Promotion.Edits;

/// <summary>
/// One value an edit changed, for commit messages, pull-request bodies and audit records.
/// </summary>
/// <param name="File">The manifest's path.</param>
/// <param name="Selector">The edit's selector that matched (<c>backend.image.tag</c>, <c>container platform-demo</c>...).</param>
/// <param name="Location">Where the value is in the document (<c>spec.template.spec.containers[0].image</c>).</param>
/// <param name="Field">What was written: <c>tag</c>, <c>digest</c>, <c>repository</c>, <c>reference</c> or <c>tag@digest</c>.</param>
/// <param name="OldValue">The value before, or null when the key was added.</param>
/// <param name="NewValue">The value after.</param>
/// <param name="Line">The 1-based line of the value in the original file (of the mapping it was added to, for an added key).</param>
/// <param name="Column">The 1-based column, in UTF-16 code units, of the value in the original file.</param>
public sealed record ManifestChange(
    string File,
    string Selector,
    string Location,
    string Field,
    string? OldValue,
    string NewValue,
    int Line,
    int Column)
{
    /// <summary>The 0-based index of the YAML document in a multi-document file.</summary>
    public int Document { get; init; }

    /// <summary>
    /// Aliases (<c>*name</c>, by location) that share the changed value, when the edit was allowed to change an
    /// anchored value (<see cref="ManifestEdit.EditSharedAnchors"/>); empty otherwise.
    /// </summary>
    public IReadOnlyList<string> SharedWith { get; init; } = [];

    /// <summary>True when the key did not exist and was added.</summary>
    public bool Added => OldValue is null;

    /// <summary>A one-line description: <c>values.yaml:12 backend.image.tag: 1.0 -> 1.1</c>.</summary>
    public override string ToString() =>
        $"{File}:{Line} {Location}: {(OldValue is null ? "(added)" : OldValue)} -> {NewValue}";
}
