using Pipeline.GitHub;

namespace Pipeline.Promotion.Writers;

/// <summary>
/// Reads the head commit, its tree and the blobs; writes blobs, a tree on the head's tree, a commit whose parent
/// is the head, and moves the branch with a fast-forward-only ref update.
/// </summary>
internal sealed class GitDataWriter(IGitHubClient client, RepositoryId repository) : GitHubWriter(client, repository)
{
    public override WriteMethod Method => WriteMethod.GitData;

    public override async Task<RepositorySnapshot> ReadAsync(string branch, IReadOnlyList<string> paths, CancellationToken cancellationToken = default)
    {
        var head = (await Client.Git.GetRefAsync(Id, "heads/" + branch, cancellationToken).ConfigureAwait(false)).Object.Sha;
        var commit = await Client.Git.GetCommitAsync(Id, head, cancellationToken).ConfigureAwait(false);
        var tree = await Client.Git.GetTreeAsync(Id, commit.Tree.Sha, recursive: true, cancellationToken).ConfigureAwait(false);
        var items = tree.Tree.Where(i => i.Type == "blob").ToDictionary(i => i.Path, StringComparer.Ordinal);
        var files = new Dictionary<string, SnapshotFile?>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (items.TryGetValue(path, out var item))
            {
                var bytes = await Client.Git.GetBlobAsync(Id, item.Sha, cancellationToken).ConfigureAwait(false);
                files[path] = new SnapshotFile(path, bytes) { BlobSha = item.Sha, Mode = item.Mode };
            }
            else if (tree.Truncated)
            {
                // A very large tree is listed only in part; ask for the file itself at the same commit.
                files[path] = await ReadOneAsync(path, head, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                files[path] = null;
            }
        }

        return new RepositorySnapshot(branch, head, files) { TreeSha = commit.Tree.Sha };
    }

    protected override async Task<string?> WriteAsync(RepositorySnapshot basis, IReadOnlyList<FileContent> files, CommitMessage message, CancellationToken cancellationToken)
    {
        var head = RequireHead(basis);
        var baseTree = basis.TreeSha ?? (await Client.Git.GetCommitAsync(Id, head, cancellationToken).ConfigureAwait(false)).Tree.Sha;
        var changes = new List<TreeChange>();
        foreach (var file in files)
        {
            var blob = await Client.Git.CreateBlobAsync(Id, file.Content, cancellationToken).ConfigureAwait(false);
            var mode = basis.Files.GetValueOrDefault(file.Path)?.Mode ?? "100644";
            changes.Add(TreeChange.Blob(file.Path, blob.Sha, mode));
        }

        var tree = await Client.Git.CreateTreeAsync(Id, baseTree, changes, cancellationToken).ConfigureAwait(false);
        var commit = await Client.Git.CreateCommitAsync(Id, new NewCommit(message.Text, tree.Sha, [head]), cancellationToken).ConfigureAwait(false);
        await Client.Git.UpdateRefAsync(Id, "heads/" + basis.Branch, commit.Sha, cancellationToken).ConfigureAwait(false);
        return commit.Sha;
    }

    private async Task<SnapshotFile?> ReadOneAsync(string path, string head, CancellationToken cancellationToken)
    {
        try
        {
            var file = await Client.Contents.GetFileAsync(Id, path, head, cancellationToken).ConfigureAwait(false);
            return new SnapshotFile(path, file.Content) { BlobSha = file.Sha };
        }
        catch (GitHubNotFoundException)
        {
            return null;
        }
    }
}
