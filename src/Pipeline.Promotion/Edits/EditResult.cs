namespace Pipeline.Promotion.Edits;

/// <summary>
/// The outcome of applying an edit: the document after it, the values changed, and how many locations
/// matched. <see cref="Changed"/> is false when every value was already in place (nothing to write).
/// </summary>
/// <param name="Original">The document before the edit.</param>
/// <param name="Document">The document after the edit (the same instance as <paramref name="Original"/> when nothing changed).</param>
/// <param name="Changes">The values that changed, in file order.</param>
/// <param name="Matches">How many locations the selector matched, changed or not.</param>
public sealed record EditResult(
    ManifestDocument Original,
    ManifestDocument Document,
    IReadOnlyList<ManifestChange> Changes,
    int Matches)
{
    /// <summary>True when the text changed and the file needs writing.</summary>
    public bool Changed => Changes.Count > 0;

    /// <summary>A unified diff of the change (empty when nothing changed), for dry runs.</summary>
    public string Diff() => UnifiedDiff.Render(Document.Path, Original.Text, Document.Text);
}
