using System.Text;

namespace Pipeline.GitHub;

/// <summary>A file to add or replace in a <c>createCommitOnBranch</c> commit.</summary>
/// <param name="Path">The path in the repository.</param>
/// <param name="Contents">The new bytes.</param>
public sealed record FileAddition(string Path, byte[] Contents)
{
    /// <summary>An addition of UTF-8 text.</summary>
    public static FileAddition Text(string path, string text) => new(path, new UTF8Encoding(false).GetBytes(text));
}

/// <summary>
/// One atomic commit of several files on a branch, applied only if the branch still points to
/// <paramref name="ExpectedHeadOid"/>. GitHub signs commits made this way with an App token.
/// </summary>
/// <param name="Repository">The repository.</param>
/// <param name="Branch">The branch name (without <c>refs/heads/</c>).</param>
/// <param name="ExpectedHeadOid">The head the change was computed from.</param>
/// <param name="Headline">The first line of the commit message.</param>
public sealed record CommitOnBranch(RepositoryId Repository, string Branch, string ExpectedHeadOid, string Headline)
{
    /// <summary>The rest of the commit message.</summary>
    public string? Body { get; init; }

    /// <summary>Files to add or replace.</summary>
    public IReadOnlyList<FileAddition> Additions { get; init; } = [];

    /// <summary>Paths to delete.</summary>
    public IReadOnlyList<string> Deletions { get; init; } = [];
}

/// <summary>The commit <c>createCommitOnBranch</c> made.</summary>
/// <param name="Oid">The commit sha, now the branch head.</param>
/// <param name="Url">Its web address.</param>
public sealed record CreatedCommit(string Oid, string? Url);

/// <summary>A branch head and the files read at exactly that commit, from one GraphQL query.</summary>
/// <param name="Branch">The branch.</param>
/// <param name="HeadOid">The head commit the files were read from; pass it as <see cref="CommitOnBranch.ExpectedHeadOid"/>.</param>
/// <param name="Files">Each requested path, mapped to its file, or to null when the commit has no such file.</param>
public sealed record BranchSnapshot(string Branch, string HeadOid, IReadOnlyDictionary<string, FileSnapshot?> Files)
{
    /// <summary>The head commit's tree (the base of a new tree built with the git data API).</summary>
    public string? TreeOid { get; init; }

    /// <summary>The histories asked for in <see cref="BranchRead.Histories"/>, in the same order, each from <see cref="HeadOid"/>.</summary>
    public IReadOnlyList<HistoryPage> Histories { get; init; } = [];
}

/// <summary>
/// What one <see cref="IGraphQLClient.ReadBranchAsync"/> query reads: a branch (the default branch when
/// <paramref name="Branch"/> is null), files at its head, and pages of the head's history.
/// </summary>
/// <param name="Branch">The branch name, or null for the repository's default branch (its name comes back in <see cref="BranchSnapshot.Branch"/>).</param>
/// <param name="Paths">The files to read at the head.</param>
public sealed record BranchRead(string? Branch, IReadOnlyList<string> Paths)
{
    /// <summary>Histories to list from the head, each the newest commits that changed a path (<c>Commit.history</c>).</summary>
    public IReadOnlyList<HistoryRead> Histories { get; init; } = [];
}

/// <summary>The newest <paramref name="First"/> commits reachable from a head that changed <paramref name="Path"/> (any commit when null).</summary>
/// <param name="Path">A file or folder; null for every commit.</param>
/// <param name="First">How many commits, 1 to 100.</param>
public sealed record HistoryRead(string? Path, int First);

/// <summary>A page of history, newest first.</summary>
/// <param name="Commits">The commits.</param>
/// <param name="HasNextPage">Whether older commits match beyond this page.</param>
public sealed record HistoryPage(IReadOnlyList<HistoryEntry> Commits, bool HasNextPage);

/// <summary>A commit of a history page.</summary>
/// <param name="Oid">The commit sha.</param>
/// <param name="Message">The whole message.</param>
public sealed record HistoryEntry(string Oid, string Message);

/// <summary>A file read by GraphQL.</summary>
/// <param name="Path">The path.</param>
/// <param name="BlobOid">The blob sha.</param>
/// <param name="Text">The UTF-8 text; null for a binary file.</param>
/// <param name="IsBinary">Whether GitHub considers the blob binary.</param>
/// <param name="IsTruncated">Whether GitHub cut the text short (very large files); read those as blobs instead.</param>
/// <param name="ByteSize">The blob size in bytes.</param>
public sealed record FileSnapshot(string Path, string BlobOid, string? Text, bool IsBinary, bool IsTruncated, long ByteSize)
{
    /// <summary>The git file mode as a number (<c>33188</c> is <c>100644</c>, <c>33261</c> is <c>100755</c>), when GitHub said.</summary>
    public int? Mode { get; init; }
}

/// <summary>
/// Auto-merge for a pull request (<c>enablePullRequestAutoMerge</c>): GitHub merges it once its required checks pass,
/// with this method and, for a merge or squash commit, this message.
/// </summary>
/// <param name="PullRequestNodeId">The pull request's <see cref="PullRequest.NodeId"/>.</param>
/// <param name="Method">The merge method.</param>
public sealed record AutoMergeRequest(string PullRequestNodeId, MergeMethod Method)
{
    /// <summary>The first line of the merge or squash commit GitHub makes (<c>commitHeadline</c>); GitHub's default when null.</summary>
    public string? CommitHeadline { get; init; }

    /// <summary>The rest of that commit's message (<c>commitBody</c>), such as audit trailers; GitHub's default when null.</summary>
    public string? CommitBody { get; init; }

    /// <summary>The head commit auto-merge is meant for (<c>expectedHeadOid</c>): refused when the pull request's head is elsewhere.</summary>
    public string? ExpectedHeadOid { get; init; }
}

/// <summary>How a pull request is merged.</summary>
public enum MergeMethod
{
    /// <summary>A merge commit.</summary>
    Merge,

    /// <summary>One squashed commit.</summary>
    Squash,

    /// <summary>The commits rebased onto the base.</summary>
    Rebase,
}
