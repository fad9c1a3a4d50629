namespace Pipeline.Promotion;

/// <summary>How one source commit relates to another.</summary>
public enum SourceRelation
{
    /// <summary>The same commit.</summary>
    Identical,

    /// <summary>The second commit descends from the first: it is newer.</summary>
    Ahead,

    /// <summary>The second commit is an ancestor of the first: it is older.</summary>
    Behind,

    /// <summary>Neither descends from the other (different branches).</summary>
    Diverged,
}

/// <summary>
/// Reads the source repository's branches and ancestry, for the moved-source and monotonic guards. An
/// implementation that cannot answer for certain (a shallow clone, a commit it does not have, a repository it may not
/// read) throws <see cref="SourceHistoryUnavailableException"/> rather than guess: the guard then refuses, unless
/// the promotion turned it off.
/// </summary>
public interface ISourceHistory
{
    /// <summary>Describes the repository for messages.</summary>
    string Description { get; }

    /// <summary>The current head of <paramref name="branch"/>.</summary>
    /// <exception cref="SourceHistoryUnavailableException">The head cannot be read.</exception>
    Task<string> GetBranchHeadAsync(string branch, CancellationToken cancellationToken = default);

    /// <summary>How <paramref name="commit"/> relates to <paramref name="baseCommit"/>.</summary>
    /// <exception cref="SourceHistoryUnavailableException">The history at hand cannot tell.</exception>
    Task<SourceRelation> CompareAsync(string baseCommit, string commit, CancellationToken cancellationToken = default);
}
