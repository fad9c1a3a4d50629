namespace Pipeline.Promotion;

/// <summary>
/// What one promotion knows of the target branch: the files of every environment it commits to, read in one request,
/// and, after each of its own commits, the state that commit left (its bytes are known), so that the next environment
/// writes on it without reading again. Another writer's commit shows up as a conflict, and the retry reads afresh.
/// </summary>
internal sealed class BranchView(string branch, IReadOnlyList<string> paths)
{
    private RepositorySnapshot? _latest;

    /// <summary>
    /// The files of every environment at the branch head: what this promotion last saw, or, on a retry
    /// (<paramref name="fresh"/>) or when nothing is known, one read of them all.
    /// </summary>
    public async Task<RepositorySnapshot> ReadAsync(IPromotionWriter writer, IReadOnlyList<string> needed, bool fresh, CancellationToken cancellationToken)
    {
        if (!fresh && _latest is { } known && needed.All(known.Files.ContainsKey))
        {
            return known;
        }

        var all = paths.Concat(needed).Distinct(StringComparer.Ordinal).ToList();
        _latest = await writer.ReadAsync(branch, all, cancellationToken).ConfigureAwait(false);
        return _latest;
    }

    /// <summary>Records a commit made on <paramref name="basis"/>: the branch is now at <paramref name="commit"/> with <paramref name="written"/>.</summary>
    public void Committed(RepositorySnapshot basis, string? commit, IReadOnlyList<FileContent> written)
    {
        if (_latest is null || !ReferenceEquals(basis, _latest))
        {
            _latest = null;
            return;
        }

        var files = new Dictionary<string, SnapshotFile?>(_latest.Files, StringComparer.Ordinal);
        foreach (var file in written)
        {
            files[file.Path] = new SnapshotFile(file.Path, file.Content)
            {
                BlobSha = Writers.GraphQLSnapshots.BlobSha(file.Content),
                Mode = _latest.Files.GetValueOrDefault(file.Path)?.Mode ?? "100644",
            };
        }

        _latest = _latest with { HeadSha = commit ?? _latest.HeadSha, Files = files, TreeSha = null };
    }

    /// <summary>Forgets what was seen, after a write whose outcome is not known.</summary>
    public void Forget() => _latest = null;
}
