using Pipeline.Containers;
using Pipeline.Promotion.Edits;

namespace Pipeline.Promotion;

/// <summary>The edits of one environment applied to a snapshot: the new bytes of each file that changed.</summary>
internal sealed record EnvironmentEdits(IReadOnlyList<PromotedFile> Files, IReadOnlyList<FileContent> Contents)
{
    public bool Changed => Contents.Count > 0;

    /// <summary>
    /// Applies every edit of <paramref name="environment"/> to the files of <paramref name="snapshot"/>: the edits of
    /// one file in the order the spec lists them (<see cref="ManifestEdits.ApplyAll"/>), the files in the order they first appear.
    /// </summary>
    public static EnvironmentEdits Apply(RepositorySnapshot snapshot, EnvironmentSpec environment, ImageReference image, string repository)
    {
        var files = new List<PromotedFile>();
        var contents = new List<FileContent>();
        foreach (var edits in environment.Files.GroupBy(file => file.Path, StringComparer.Ordinal))
        {
            var path = edits.Key;
            var read = snapshot.Files.GetValueOrDefault(path)
                ?? throw new PromotionRequestException(
                    $"{path} does not exist on {snapshot.Branch} of {repository}, but {environment.App}/{environment.Name} edits it"
                    + $"{(edits.First().Location is { } l ? $" ({l})" : "")}. Add the file to the repository, or fix the path in the spec.");
            var result = ManifestEdits.ApplyAll(ManifestDocument.FromBytes(path, read.Content), image, edits.Select(file => file.Edit));
            var bytes = result.Document.ToBytes();
            if (bytes.AsSpan().SequenceEqual(read.Content))
            {
                continue;
            }

            files.Add(new PromotedFile(path, result.Changes, result.Diff()));
            contents.Add(new FileContent(path, bytes));
        }

        return new EnvironmentEdits(files, contents);
    }

    /// <summary>Whether <paramref name="snapshot"/> already holds exactly these bytes.</summary>
    public bool AlreadyIn(RepositorySnapshot snapshot) =>
        Contents.All(c => snapshot.Files.GetValueOrDefault(c.Path) is { } file && file.Content.AsSpan().SequenceEqual(c.Content));
}
