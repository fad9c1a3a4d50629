namespace Pipeline.Promotion;

/// <summary>
/// Reads and writes the files of one GitOps repository. Every write is all or nothing and based on a snapshot:
/// when the branch moved since the snapshot was read, the writer throws <see cref="WriteConflictException"/> and
/// writes nothing, so the caller re-reads and re-applies its edits. Writers never force a branch.
/// </summary>
public interface IPromotionWriter : IAsyncDisposable
{
    /// <summary>The method this writer implements.</summary>
    WriteMethod Method { get; }

    /// <summary>Describes the repository for messages (<c>owner/name</c>, a URL or a directory).</summary>
    string Repository { get; }

    /// <summary>Whether branches can be created and deleted (needed for pull requests); false for a worktree.</summary>
    bool SupportsBranches { get; }

    /// <summary>The repository's default branch.</summary>
    Task<string> GetDefaultBranchAsync(CancellationToken cancellationToken = default);

    /// <summary>The head of <paramref name="branch"/> and the given files at exactly that commit (missing files map to null).</summary>
    Task<RepositorySnapshot> ReadAsync(string branch, IReadOnlyList<string> paths, CancellationToken cancellationToken = default);

    /// <summary>
    /// Commits <paramref name="files"/> on the snapshot's branch as one commit whose parent is the snapshot's head;
    /// returns the commit sha (null for a worktree, which only writes files).
    /// </summary>
    /// <exception cref="WriteConflictException">The branch or a file moved since the snapshot; nothing was written.</exception>
    /// <exception cref="ProtectedBranchException">Branch protection refused the write; nothing was written.</exception>
    Task<string?> CommitAsync(RepositorySnapshot basis, IReadOnlyList<FileContent> files, CommitMessage message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="limit"/> commits reachable from <paramref name="commit"/> (every parent, not only the first)
    /// that changed any of <paramref name="paths"/> (every commit when empty), newest first. A writer may list some
    /// other commits too (the GitHub writers ask for the folder the paths share, in pages of up to 100 commits per
    /// request), never fewer.
    /// </summary>
    IAsyncEnumerable<HistoryCommit> ReadHistoryAsync(string commit, IReadOnlyList<string> paths, int limit, CancellationToken cancellationToken = default);

    /// <summary>The head of <paramref name="branch"/>, or null when it does not exist.</summary>
    Task<string?> GetBranchHeadAsync(string branch, CancellationToken cancellationToken = default);

    /// <summary>Creates <paramref name="branch"/> at <paramref name="sha"/>.</summary>
    Task CreateBranchAsync(string branch, string sha, CancellationToken cancellationToken = default);

    /// <summary>Deletes <paramref name="branch"/>.</summary>
    Task DeleteBranchAsync(string branch, CancellationToken cancellationToken = default);

    /// <summary>Whether <paramref name="ancestor"/> is <paramref name="descendant"/> or one of its ancestors.</summary>
    Task<bool> IsAncestorAsync(string ancestor, string descendant, CancellationToken cancellationToken = default);
}
