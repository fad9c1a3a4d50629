namespace Pipeline.GitHub;

/// <summary>A tree as GitHub lists it.</summary>
/// <param name="Sha">The tree sha.</param>
/// <param name="Tree">The entries.</param>
/// <param name="Truncated">Whether GitHub cut a recursive listing short.</param>
public sealed record GitTree(string Sha, IReadOnlyList<GitTreeItem> Tree, bool Truncated);

/// <summary>One entry of a tree.</summary>
/// <param name="Path">The path (relative to the tree).</param>
/// <param name="Mode">The file mode, such as <c>100644</c>.</param>
/// <param name="Type"><c>blob</c>, <c>tree</c> or <c>commit</c>.</param>
/// <param name="Sha">The object sha.</param>
/// <param name="Size">The blob size, for blobs.</param>
public sealed record GitTreeItem(string Path, string Mode, string Type, string Sha, long? Size);

/// <summary>A commit as the git data API describes it.</summary>
/// <param name="Sha">The commit sha.</param>
/// <param name="Tree">Its tree.</param>
/// <param name="Parents">Its parents.</param>
/// <param name="Message">The message.</param>
/// <param name="Author">The author.</param>
/// <param name="Committer">The committer.</param>
public sealed record GitCommit(string Sha, GitObjectRef Tree, IReadOnlyList<GitObjectRef> Parents, string Message, GitSignature? Author, GitSignature? Committer);

/// <summary>A commit's author or committer with the time.</summary>
/// <param name="Name">The name.</param>
/// <param name="Email">The email.</param>
/// <param name="Date">When.</param>
public sealed record GitSignature(string Name, string Email, DateTimeOffset? Date);

/// <summary>A commit to create from a tree and its parents.</summary>
/// <param name="Message">The message.</param>
/// <param name="Tree">The tree sha.</param>
/// <param name="Parents">The parent shas (one for an ordinary commit).</param>
public sealed record NewCommit(string Message, string Tree, IReadOnlyList<string> Parents)
{
    /// <summary>The author; null for the authenticated user or App.</summary>
    public GitIdentity? Author { get; init; }

    /// <summary>The committer; null for the author.</summary>
    public GitIdentity? Committer { get; init; }
}

/// <summary>A ref and the object it points to.</summary>
/// <param name="Ref">The full name, such as <c>refs/heads/main</c>.</param>
/// <param name="Object">The object.</param>
public sealed record GitReference(string Ref, GitObjectRef Object);
