namespace Pipeline.GitHub;

/// <summary>Single files through the contents API: one request to read, one to write (one commit per file).</summary>
public interface IContentsClient
{
    /// <summary>
    /// <c>GET /repos/{owner}/{repo}/contents/{path}</c>: the file at <paramref name="reference"/> (branch, tag or sha;
    /// null for the default branch), decoded from GitHub's line-wrapped base64. Files over 1 MB are fetched as blobs.
    /// </summary>
    /// <exception cref="GitHubNotFoundException">No such file, or the credential may not read it.</exception>
    Task<RepositoryFile> GetFileAsync(RepositoryId repository, string path, string? reference = null, CancellationToken cancellationToken = default);

    /// <summary><c>PUT /repos/{owner}/{repo}/contents/{path}</c>: creates or updates the file in one commit.</summary>
    /// <exception cref="StaleContentShaException">The file changed since <see cref="FileWrite.Sha"/> was read.</exception>
    Task<FileWriteResult> PutFileAsync(RepositoryId repository, FileWrite write, CancellationToken cancellationToken = default);
}
