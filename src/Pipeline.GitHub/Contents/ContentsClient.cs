using Pipeline.GitHub.Http;
using Pipeline.GitHub.Json;

namespace Pipeline.GitHub.Contents;

internal sealed class ContentsClient(GitHubConnection connection, IGitDataClient git) : IContentsClient
{
    public async Task<RepositoryFile> GetFileAsync(RepositoryId repository, string path, string? reference = null, CancellationToken cancellationToken = default)
    {
        var request = new GitHubRequest(
            HttpMethod.Get,
            GitHubPaths.Repo(repository, "/contents/" + GitHubPaths.Segments(path) + GitHubPaths.Query(("ref", reference))));
        var file = await connection.SendAsync(request, GitHubJsonContext.Default.ContentsFileResponse, cancellationToken).ConfigureAwait(false);
        if (!string.Equals(file.Type, "file", StringComparison.Ordinal))
        {
            throw new GitHubException($"{repository}:{path} is a {file.Type}, not a file; name a file path.");
        }

        // Over 1 MB the contents API sends no content (encoding "none"); the blob API has it.
        var content = string.Equals(file.Encoding, "base64", StringComparison.Ordinal)
            ? GitHubBase64.Decode(file.Content)
            : await git.GetBlobAsync(repository, file.Sha, cancellationToken).ConfigureAwait(false);
        return new RepositoryFile(file.Path, file.Sha, content);
    }

    public async Task<FileWriteResult> PutFileAsync(RepositoryId repository, FileWrite write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        var body = new ContentsPutBody(write.Message, GitHubBase64.Encode(write.Content), write.Sha, write.Branch, write.Committer, write.Author);
        var request = new GitHubRequest(HttpMethod.Put, GitHubPaths.Repo(repository, "/contents/" + GitHubPaths.Segments(write.Path)))
        {
            Body = GitHubConnection.Serialize(body, GitHubJsonContext.Default.ContentsPutBody),
            Operation = new GitHubOperation.ContentsWrite(write.Path, write.Sha),
        };
        var result = await connection.SendAsync(request, GitHubJsonContext.Default.ContentsPutResponse, cancellationToken).ConfigureAwait(false);
        return new FileWriteResult(result.Content.Path, result.Content.Sha, result.Commit.Sha);
    }
}
