using Pipeline.GitHub;

namespace Pipeline.Promotion.Writers;

/// <summary>
/// A writer that reads more in one request than <see cref="IPromotionWriter.ReadAsync"/> asks: the default branch when
/// none is named (its name comes back in <see cref="RepositorySnapshot.Branch"/>), and pages of the head's history
/// beside the files, so a promotion's reads and the monotonic guard's history cost one request together.
/// </summary>
internal interface IBranchReader
{
    /// <summary>The branch of <paramref name="read"/> (the default branch when null), its head, the files and the histories at that head.</summary>
    Task<RepositorySnapshot> ReadAsync(BranchRead read, CancellationToken cancellationToken = default);
}

/// <summary>
/// The newest commits reachable from the head of the snapshot that holds it that changed <paramref name="Path"/>, as a
/// writer listed them.
/// </summary>
/// <param name="Path">The file or folder (every commit when null).</param>
/// <param name="Commits">Newest first.</param>
/// <param name="Complete">True when no older commit changed the path.</param>
internal sealed record KnownHistory(string? Path, IReadOnlyList<HistoryCommit> Commits, bool Complete)
{
    /// <summary>The history after a commit on the head that wrote <paramref name="written"/>: it leads when it changed the path.</summary>
    public KnownHistory After(string commit, string message, IEnumerable<string> written) =>
        written.Any(Touches) ? this with { Commits = [new HistoryCommit(commit, message), .. Commits] } : this;

    private bool Touches(string file)
    {
        var trimmed = file.Trim('/');
        return Path is not { } path || string.Equals(trimmed, path, StringComparison.Ordinal) || trimmed.StartsWith(path + "/", StringComparison.Ordinal);
    }
}
