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
        var response = await connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (FolderEntries(response.Body) is { } entries)
        {
            var examples = entries.Count == 0 ? "it is empty" : "it holds " + string.Join(", ", entries.Take(5)) + (entries.Count > 5 ? ", ..." : "");
            throw new GitHubException($"{repository}:{path.Trim('/')} is a directory, not a file ({examples}); name a file path.");
        }

        var file = connection.Read(request, response, GitHubJsonContext.Default.ContentsFileResponse);
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

    /// <summary>The paths listed when the contents API answered with a folder (a JSON array), or null for anything else.</summary>
    private static List<string>? FolderEntries(byte[] body)
    {
        var text = body.AsSpan().TrimStart(" \t\r\n"u8);
        if (text.Length == 0 || text[0] != (byte)'[')
        {
            return null;
        }

        using var listing = System.Text.Json.JsonDocument.Parse(body);
        return listing.RootElement.EnumerateArray()
            .Select(entry => entry.TryGetProperty("path", out var p) ? p.GetString() ?? "" : "")
            .ToList();
    }
}
