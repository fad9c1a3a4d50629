using System.Text;

namespace Pipeline.GitHub;

/// <summary>A file read from a repository, with the blob sha a later write must name.</summary>
/// <param name="Path">The path in the repository.</param>
/// <param name="Sha">The blob sha.</param>
/// <param name="Content">The decoded bytes.</param>
public sealed record RepositoryFile(string Path, string Sha, byte[] Content)
{
    /// <summary>The content as UTF-8 text (a leading byte order mark is kept as U+FEFF, so a rewrite keeps it).</summary>
    public string Text => new UTF8Encoding(false).GetString(Content);
}

/// <summary>A person or bot in a commit.</summary>
/// <param name="Name">The display name.</param>
/// <param name="Email">The email address.</param>
public sealed record GitIdentity(string Name, string Email);

/// <summary>A create or update of one file through the contents API.</summary>
/// <param name="Path">The path in the repository.</param>
/// <param name="Content">The new bytes.</param>
/// <param name="Message">The commit message.</param>
public sealed record FileWrite(string Path, byte[] Content, string Message)
{
    /// <summary>The blob sha read before editing; null to create a file that must not exist yet.</summary>
    public string? Sha { get; init; }

    /// <summary>The branch to commit to; null for the default branch.</summary>
    public string? Branch { get; init; }

    /// <summary>The committer; null for the authenticated user or App.</summary>
    public GitIdentity? Committer { get; init; }

    /// <summary>The author; null for the committer.</summary>
    public GitIdentity? Author { get; init; }

    /// <summary>A write of UTF-8 text.</summary>
    public static FileWrite Text(string path, string text, string message) => new(path, new UTF8Encoding(false).GetBytes(text), message);
}

/// <summary>What a contents write produced.</summary>
/// <param name="Path">The path written.</param>
/// <param name="BlobSha">The new blob sha (for the next write of the same file).</param>
/// <param name="CommitSha">The commit created.</param>
public sealed record FileWriteResult(string Path, string BlobSha, string CommitSha);
