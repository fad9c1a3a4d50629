namespace Pipeline.Promotion;

/// <summary>A branch head and files read at exactly that commit.</summary>
/// <param name="Branch">The branch.</param>
/// <param name="HeadSha">The head commit; null for a worktree.</param>
/// <param name="Files">Each requested path mapped to its file, or to null when it does not exist.</param>
public sealed record RepositorySnapshot(string Branch, string? HeadSha, IReadOnlyDictionary<string, SnapshotFile?> Files)
{
    /// <summary>The head commit's tree, when the writer read it (git data).</summary>
    public string? TreeSha { get; init; }

    /// <summary>Histories read with the files, in the same request (see <see cref="Writers.IBranchReader"/>).</summary>
    internal IReadOnlyList<Writers.KnownHistory> Histories { get; init; } = [];
}

/// <summary>A file as read.</summary>
/// <param name="Path">The path in the repository.</param>
/// <param name="Content">The exact bytes.</param>
public sealed record SnapshotFile(string Path, byte[] Content)
{
    /// <summary>The blob sha, when the writer knows it.</summary>
    public string? BlobSha { get; init; }

    /// <summary>The git file mode (<c>100644</c>, <c>100755</c>).</summary>
    public string Mode { get; init; } = "100644";
}

/// <summary>A file to write, as exact bytes.</summary>
/// <param name="Path">The path in the repository.</param>
/// <param name="Content">The bytes.</param>
public sealed record FileContent(string Path, byte[] Content);

/// <summary>A commit message: a subject line and a body (which ends with the audit trailers).</summary>
/// <param name="Subject">The first line.</param>
/// <param name="Body">The rest, possibly empty.</param>
public sealed record CommitMessage(string Subject, string Body)
{
    /// <summary>The whole message: subject, a blank line, the body.</summary>
    public string Text => Body.Length == 0 ? Subject + "\n" : Subject + "\n\n" + Body.TrimEnd('\n') + "\n";
}

/// <summary>A commit in a branch's history.</summary>
/// <param name="Sha">The commit.</param>
/// <param name="Message">Its full message.</param>
public sealed record HistoryCommit(string Sha, string Message);
