using System.Text;
using Pipeline.GitHub;

namespace Pipeline.Promotion.Writers;

/// <summary>
/// Reads the head and every file in one GraphQL query and writes them in one <c>createCommitOnBranch</c> guarded by
/// <c>expectedHeadOid</c>: atomic, and signed by GitHub when the token is an App's.
/// </summary>
internal sealed class GraphQLWriter(IGitHubClient client, RepositoryId repository) : GitHubWriter(client, repository)
{
    public override WriteMethod Method => WriteMethod.GraphQL;

    public override async Task<RepositorySnapshot> ReadAsync(string branch, IReadOnlyList<string> paths, CancellationToken cancellationToken = default)
    {
        var snapshot = await Client.GraphQL.ReadFilesAsync(Id, branch, paths, cancellationToken).ConfigureAwait(false);
        var files = new Dictionary<string, SnapshotFile?>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (snapshot.Files.GetValueOrDefault(path) is not { } file)
            {
                files[path] = null;
                continue;
            }

            // GraphQL leaves out the text of large or binary blobs; those are read as blobs, byte for byte.
            var bytes = file.Text is null || file.IsTruncated || file.IsBinary
                ? await Client.Git.GetBlobAsync(Id, file.BlobOid, cancellationToken).ConfigureAwait(false)
                : new UTF8Encoding(false).GetBytes(file.Text);
            files[path] = new SnapshotFile(path, bytes) { BlobSha = file.BlobOid };
        }

        return new RepositorySnapshot(branch, snapshot.HeadOid, files);
    }

    protected override async Task<string?> WriteAsync(RepositorySnapshot basis, IReadOnlyList<FileContent> files, CommitMessage message, CancellationToken cancellationToken)
    {
        var commit = new CommitOnBranch(Id, basis.Branch, RequireHead(basis), message.Subject)
        {
            Body = message.Body.Length == 0 ? null : message.Body,
            Additions = [.. files.Select(f => new FileAddition(f.Path, f.Content))],
        };
        return (await Client.GraphQL.CreateCommitOnBranchAsync(commit, cancellationToken).ConfigureAwait(false)).Oid;
    }
}
