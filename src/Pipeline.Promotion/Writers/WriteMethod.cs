namespace Pipeline.Promotion;

/// <summary>How a promotion reaches the GitOps repository (<c>--write-method</c>).</summary>
public enum WriteMethod
{
    /// <summary>
    /// <c>graphql</c>: one <c>createCommitOnBranch</c> mutation guarded by <c>expectedHeadOid</c>: all files in one
    /// atomic commit, signed by GitHub when made with an App token. Two requests whatever the number of files.
    /// </summary>
    GraphQL,

    /// <summary><c>git-data</c>: blobs, a tree on the head's tree, a commit, and a fast-forward-only ref update.</summary>
    GitData,

    /// <summary>
    /// <c>contents</c>: one <c>PUT /contents</c> guarded by the file's blob sha. One file per commit, so an
    /// environment whose promotion changes two or more files is refused (use graphql or git-data).
    /// </summary>
    Contents,

    /// <summary>
    /// <c>git</c>: push from a temporary clone to any git host or a <c>file://</c> URL, credentials sent per command,
    /// credential helpers, <c>~/.netrc</c> and global git configuration never consulted.
    /// </summary>
    Git,

    /// <summary><c>worktree</c>: edit a local checkout in place; no git operation at all.</summary>
    Worktree,

    /// <summary><c>dispatch</c>: write nothing; send a <c>repository_dispatch</c> for the GitOps repository to apply.</summary>
    Dispatch,
}

/// <summary>The command-line names of <see cref="WriteMethod"/>.</summary>
public static class WriteMethods
{
    private static readonly (string Name, WriteMethod Method)[] Names =
    [
        ("graphql", WriteMethod.GraphQL), ("git-data", WriteMethod.GitData), ("contents", WriteMethod.Contents),
        ("git", WriteMethod.Git), ("worktree", WriteMethod.Worktree), ("dispatch", WriteMethod.Dispatch),
    ];

    /// <summary>Parses <c>graphql</c>, <c>git-data</c>, <c>contents</c>, <c>git</c>, <c>worktree</c> or <c>dispatch</c> (case-insensitive).</summary>
    /// <exception cref="FormatException">Another name.</exception>
    public static WriteMethod Parse(string text)
    {
        foreach (var (name, method) in Names)
        {
            if (string.Equals(name, text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return method;
            }
        }

        throw new FormatException($"'{text}' is not a write method; use one of {string.Join(", ", Names.Select(n => n.Name))}.");
    }

    /// <summary>The command-line name of <paramref name="method"/>.</summary>
    public static string ToName(this WriteMethod method) => Names.First(n => n.Method == method).Name;
}
