using Pipeline.GitHub.Http;
using Pipeline.GitHub.Json;

namespace Pipeline.GitHub.Git;

internal sealed class GitDataClient(GitHubConnection connection) : IGitDataClient
{
    public Task<GitObjectRef> CreateBlobAsync(RepositoryId repository, byte[] content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var body = new BlobCreateBody(GitHubBase64.Encode(content), "base64");

        // Blobs are content-addressed: sending one twice stores the same object, so a retry is harmless.
        var request = new GitHubRequest(HttpMethod.Post, GitHubPaths.Repo(repository, "/git/blobs"))
        {
            Body = GitHubConnection.Serialize(body, GitHubJsonContext.Default.BlobCreateBody),
            Retry = RetryMode.Idempotent,
        };
        return connection.SendAsync(request, GitHubJsonContext.Default.GitObjectRef, cancellationToken);
    }

    public async Task<byte[]> GetBlobAsync(RepositoryId repository, string sha, CancellationToken cancellationToken = default)
    {
        var request = new GitHubRequest(HttpMethod.Get, GitHubPaths.Repo(repository, "/git/blobs/" + GitHubPaths.Segment(sha)));
        var blob = await connection.SendAsync(request, GitHubJsonContext.Default.BlobResponse, cancellationToken).ConfigureAwait(false);
        return string.Equals(blob.Encoding, "utf-8", StringComparison.OrdinalIgnoreCase)
            ? System.Text.Encoding.UTF8.GetBytes(blob.Content ?? "")
            : GitHubBase64.Decode(blob.Content);
    }

    public Task<GitTree> GetTreeAsync(RepositoryId repository, string sha, bool recursive = false, CancellationToken cancellationToken = default)
    {
        var path = GitHubPaths.Repo(repository, "/git/trees/" + GitHubPaths.Segment(sha) + GitHubPaths.Query(("recursive", recursive ? "1" : null)));
        return connection.SendAsync(new GitHubRequest(HttpMethod.Get, path), GitHubJsonContext.Default.GitTree, cancellationToken);
    }

    public Task<GitTree> CreateTreeAsync(RepositoryId repository, string? baseTree, IReadOnlyList<TreeChange> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);

        // A tree is content-addressed too, and creating one moves nothing.
        var request = new GitHubRequest(HttpMethod.Post, GitHubPaths.Repo(repository, "/git/trees"))
        {
            Body = GitHubConnection.Serialize(new TreeCreateBody(baseTree, changes), GitHubJsonContext.Default.TreeCreateBody),
            Retry = RetryMode.Idempotent,
        };
        return connection.SendAsync(request, GitHubJsonContext.Default.GitTree, cancellationToken);
    }

    public Task<GitCommit> GetCommitAsync(RepositoryId repository, string sha, CancellationToken cancellationToken = default) =>
        connection.SendAsync(
            new GitHubRequest(HttpMethod.Get, GitHubPaths.Repo(repository, "/git/commits/" + GitHubPaths.Segment(sha))),
            GitHubJsonContext.Default.GitCommit,
            cancellationToken);

    public Task<GitCommit> CreateCommitAsync(RepositoryId repository, NewCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);

        // A commit object that no ref points to is unreachable and harmless, so a retry cannot duplicate history.
        var body = new CommitCreateBody(commit.Message, commit.Tree, commit.Parents, commit.Author, commit.Committer);
        var request = new GitHubRequest(HttpMethod.Post, GitHubPaths.Repo(repository, "/git/commits"))
        {
            Body = GitHubConnection.Serialize(body, GitHubJsonContext.Default.CommitCreateBody),
            Retry = RetryMode.Idempotent,
        };
        return connection.SendAsync(request, GitHubJsonContext.Default.GitCommit, cancellationToken);
    }

    public Task<GitReference> GetRefAsync(RepositoryId repository, string reference, CancellationToken cancellationToken = default) =>
        connection.SendAsync(
            new GitHubRequest(HttpMethod.Get, GitHubPaths.Repo(repository, "/git/ref/" + GitHubPaths.Segments(GitHubPaths.ShortRef(reference)))),
            GitHubJsonContext.Default.GitReference,
            cancellationToken);

    public Task<GitReference> CreateRefAsync(RepositoryId repository, string reference, string sha, CancellationToken cancellationToken = default)
    {
        var body = new RefCreateBody("refs/" + GitHubPaths.ShortRef(reference), sha);
        var request = new GitHubRequest(HttpMethod.Post, GitHubPaths.Repo(repository, "/git/refs"))
        {
            Body = GitHubConnection.Serialize(body, GitHubJsonContext.Default.RefCreateBody),
        };
        return connection.SendAsync(request, GitHubJsonContext.Default.GitReference, cancellationToken);
    }

    public Task<GitReference> UpdateRefAsync(RepositoryId repository, string reference, string sha, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sha);
        var shortRef = GitHubPaths.ShortRef(reference);
        var request = new GitHubRequest(HttpMethod.Patch, GitHubPaths.Repo(repository, "/git/refs/" + GitHubPaths.Segments(shortRef)))
        {
            Body = GitHubConnection.Serialize(new RefUpdateBody(sha, Force: false), GitHubJsonContext.Default.RefUpdateBody),
            Operation = new GitHubOperation.RefUpdate("refs/" + shortRef, sha),
        };
        return connection.SendAsync(request, GitHubJsonContext.Default.GitReference, cancellationToken);
    }

    public async Task DeleteRefAsync(RepositoryId repository, string reference, CancellationToken cancellationToken = default) =>
        await connection.SendAsync(
            new GitHubRequest(HttpMethod.Delete, GitHubPaths.Repo(repository, "/git/refs/" + GitHubPaths.Segments(GitHubPaths.ShortRef(reference)))),
            cancellationToken).ConfigureAwait(false);
}
