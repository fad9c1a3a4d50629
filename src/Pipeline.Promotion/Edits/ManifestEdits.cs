using Pipeline.Containers;

namespace Pipeline.Promotion.Edits;

/// <summary>Applies several edits to one file, each on the result of the previous one.</summary>
public static class ManifestEdits
{
    /// <summary>
    /// Applies <paramref name="edits"/> in order. The result's <see cref="EditResult.Original"/> is
    /// <paramref name="document"/>, its changes are all the edits' changes, and nothing is returned (an exception
    /// is thrown) if any edit fails, so a file is edited by all of its edits or not at all. Each change's line is
    /// in the text its edit saw (an earlier edit that adds keys shifts later lines).
    /// </summary>
    public static EditResult ApplyAll(ManifestDocument document, ImageReference image, IEnumerable<IManifestEdit> edits)
    {
        ArgumentNullException.ThrowIfNull(edits);
        var current = document;
        var changes = new List<ManifestChange>();
        var matches = 0;
        foreach (var edit in edits)
        {
            var result = edit.Apply(current, image);
            changes.AddRange(result.Changes);
            matches += result.Matches;
            current = result.Document;
        }

        return new EditResult(document, current, changes, matches);
    }
}
