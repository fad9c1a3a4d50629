using Pipeline.Containers;
using Pipeline.Promotion.Edits;

namespace Pipeline.Promotion;

/// <summary>The edits of one environment applied to a snapshot: the new bytes of each file that changed.</summary>
internal sealed record EnvironmentEdits(IReadOnlyList<PromotedFile> Files, IReadOnlyList<FileContent> Contents)
{
    public bool Changed => Contents.Count > 0;

    /// <summary>Applies every edit of <paramref name="environment"/>, in order, to the files of <paramref name="snapshot"/>.</summary>
    public static EnvironmentEdits Apply(RepositorySnapshot snapshot, EnvironmentSpec environment, ImageReference image, string repository)
    {
        var documents = new Dictionary<string, (ManifestDocument Original, ManifestDocument Current, List<ManifestChange> Changes)>(StringComparer.Ordinal);
        foreach (var file in environment.Files)
        {
            if (!documents.TryGetValue(file.Path, out var entry))
            {
                var read = snapshot.Files.GetValueOrDefault(file.Path)
                    ?? throw new PromotionRequestException(
                        $"{file.Path} does not exist on {snapshot.Branch} of {repository}, but {environment.App}/{environment.Name} edits it"
                        + $"{(file.Location is { } l ? $" ({l})" : "")}. Add the file to the repository, or fix the path in the spec.");
                var document = ManifestDocument.FromBytes(file.Path, read.Content);
                entry = (document, document, []);
            }

            var result = file.Edit.Apply(entry.Current, image);
            entry.Changes.AddRange(result.Changes);
            documents[file.Path] = (entry.Original, result.Document, entry.Changes);
        }

        var files = new List<PromotedFile>();
        var contents = new List<FileContent>();
        foreach (var (path, (original, current, changes)) in documents)
        {
            var bytes = current.ToBytes();
            if (bytes.AsSpan().SequenceEqual(snapshot.Files[path]!.Content))
            {
                continue;
            }

            files.Add(new PromotedFile(path, changes, UnifiedDiff.Render(path, original.Text, current.Text)));
            contents.Add(new FileContent(path, bytes));
        }

        return new EnvironmentEdits(files, contents);
    }

    /// <summary>Whether <paramref name="snapshot"/> already holds exactly these bytes.</summary>
    public bool AlreadyIn(RepositorySnapshot snapshot) =>
        Contents.All(c => snapshot.Files.GetValueOrDefault(c.Path) is { } file && file.Content.AsSpan().SequenceEqual(c.Content));
}
