using Pipeline.GitHub;
using Pipeline.Promotion.Writers;

namespace Pipeline.Promotion;

/// <summary>
/// What one promotion knows of the target branch: the files of every environment it commits to and the histories their
/// monotonic guards search, read in one request, and, after each of its own commits, the state that commit left (its
/// bytes and message are known), so that the next environment writes on it without reading again. Another writer's
/// commit shows up as a conflict, and the retry reads afresh. A view opened without a branch reads the default branch,
/// and knows its name from then on.
/// </summary>
internal sealed class BranchView(string? branch, IReadOnlyList<string> paths, IReadOnlyList<HistoryRead> histories)
{
    private RepositorySnapshot? _latest;

    /// <summary>The branch, once named or read.</summary>
    public string? Branch { get; private set; } = branch;

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
        _latest = writer is IBranchReader reader
            ? await reader.ReadAsync(new BranchRead(Branch, all) { Histories = histories }, cancellationToken).ConfigureAwait(false)
            : await writer.ReadAsync(Branch ?? await writer.GetDefaultBranchAsync(cancellationToken).ConfigureAwait(false), all, cancellationToken).ConfigureAwait(false);
        Branch = _latest.Branch;
        return _latest;
    }

    /// <summary>
    /// Records a commit made on <paramref name="basis"/>: the branch is now at <paramref name="commit"/> with
    /// <paramref name="written"/>, and the commit leads the histories of the paths it changed.
    /// </summary>
    public void Committed(RepositorySnapshot basis, string? commit, IReadOnlyList<FileContent> written, CommitMessage message)
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
                BlobSha = GraphQLSnapshots.BlobSha(file.Content),
                Mode = _latest.Files.GetValueOrDefault(file.Path)?.Mode ?? "100644",
            };
        }

        // A snapshot's histories start at its head, so they follow the head or, when the commit is not known, go.
        var known = commit is null ? [] : _latest.Histories.Select(h => h.After(commit, message.Text, written.Select(f => f.Path))).ToList();
        _latest = _latest with { HeadSha = commit ?? _latest.HeadSha, Files = files, TreeSha = null, Histories = known };
    }

    /// <summary>Forgets what was seen, after a write whose outcome is not known.</summary>
    public void Forget() => _latest = null;
}
