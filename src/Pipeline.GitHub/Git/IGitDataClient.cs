namespace Pipeline.GitHub;

/// <summary>
/// The git data API: blobs, trees, commits and refs. Several files land in one commit by building a tree on the
/// head's tree, a commit on the head, and a fast-forward ref update.
/// </summary>
public interface IGitDataClient
{
    /// <summary><c>POST /git/blobs</c>: stores bytes and returns the blob sha.</summary>
    Task<GitObjectRef> CreateBlobAsync(RepositoryId repository, byte[] content, CancellationToken cancellationToken = default);

    /// <summary><c>GET /git/blobs/{sha}</c>: the blob's bytes.</summary>
    Task<byte[]> GetBlobAsync(RepositoryId repository, string sha, CancellationToken cancellationToken = default);

    /// <summary><c>GET /git/trees/{sha}</c>: a tree, optionally with every subtree.</summary>
    Task<GitTree> GetTreeAsync(RepositoryId repository, string sha, bool recursive = false, CancellationToken cancellationToken = default);

    /// <summary><c>POST /git/trees</c>: a new tree made of <paramref name="changes"/> applied to <paramref name="baseTree"/>.</summary>
    Task<GitTree> CreateTreeAsync(RepositoryId repository, string? baseTree, IReadOnlyList<TreeChange> changes, CancellationToken cancellationToken = default);

    /// <summary><c>GET /git/commits/{sha}</c>: a commit with its tree and parents.</summary>
    Task<GitCommit> GetCommitAsync(RepositoryId repository, string sha, CancellationToken cancellationToken = default);

    /// <summary><c>POST /git/commits</c>: a commit object (no ref moves until <see cref="UpdateRefAsync"/>).</summary>
    Task<GitCommit> CreateCommitAsync(RepositoryId repository, NewCommit commit, CancellationToken cancellationToken = default);

    /// <summary><c>GET /git/ref/{ref}</c>: a ref such as <c>heads/main</c> or <c>refs/heads/main</c>.</summary>
    Task<GitReference> GetRefAsync(RepositoryId repository, string reference, CancellationToken cancellationToken = default);

    /// <summary><c>POST /git/refs</c>: creates a ref pointing to <paramref name="sha"/>.</summary>
    Task<GitReference> CreateRefAsync(RepositoryId repository, string reference, string sha, CancellationToken cancellationToken = default);

    /// <summary><c>PATCH /git/refs/{ref}</c> with <c>force: false</c>: moves the ref only if that is a fast-forward.</summary>
    /// <exception cref="NonFastForwardException">The ref moved since it was read.</exception>
    Task<GitReference> UpdateRefAsync(RepositoryId repository, string reference, string sha, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /git/refs/{ref}</c>: deletes a ref.</summary>
    Task DeleteRefAsync(RepositoryId repository, string reference, CancellationToken cancellationToken = default);
}
