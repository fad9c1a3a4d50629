namespace Pipeline.GitHub;

/// <summary>
/// One change in a new tree built on a base tree: set a path to an existing blob, to inline text, or delete it.
/// </summary>
public sealed record TreeChange
{
    private TreeChange(string path, string mode, string? sha, string? content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path.Trim('/');
        Mode = mode;
        Sha = sha;
        Content = content;
    }

    /// <summary>The path, relative to the repository root.</summary>
    public string Path { get; }

    /// <summary>The file mode: <c>100644</c> (file), <c>100755</c> (executable), <c>120000</c> (symlink).</summary>
    public string Mode { get; }

    /// <summary>The blob sha; null for inline content and for a deletion.</summary>
    public string? Sha { get; }

    /// <summary>Inline UTF-8 content (GitHub creates the blob); null otherwise.</summary>
    public string? Content { get; }

    /// <summary>Whether this change deletes the path.</summary>
    public bool IsDeletion => Sha is null && Content is null;

    /// <summary>Sets the path to an existing blob.</summary>
    public static TreeChange Blob(string path, string sha, string mode = "100644")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sha);
        return new TreeChange(path, mode, sha, null);
    }

    /// <summary>Sets the path to UTF-8 text; GitHub stores the blob as part of the tree request.</summary>
    public static TreeChange Text(string path, string content, string mode = "100644")
    {
        ArgumentNullException.ThrowIfNull(content);
        return new TreeChange(path, mode, null, content);
    }

    /// <summary>Removes the path from the tree.</summary>
    public static TreeChange Delete(string path) => new(path, "100644", null, null);
}
