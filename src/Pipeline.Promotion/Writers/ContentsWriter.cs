using Pipeline.GitHub;

namespace Pipeline.Promotion.Writers;

/// <summary>
/// The contents API: one file per commit, guarded by the file's blob sha. A promotion that changes two or more
/// files of an environment is refused before anything is written, since they could not land in one commit;
/// an environment with several files whose promotion changes only one of them is accepted.
/// </summary>
internal sealed class ContentsWriter(IGitHubClient client, RepositoryId repository) : GitHubWriter(client, repository)
{
    public override WriteMethod Method => WriteMethod.Contents;

    public override async Task<RepositorySnapshot> ReadAsync(string branch, IReadOnlyList<string> paths, CancellationToken cancellationToken = default)
    {
        var head = (await Client.Repositories.GetBranchAsync(Id, branch, cancellationToken).ConfigureAwait(false)).Commit.Sha;
        var files = new Dictionary<string, SnapshotFile?>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            try
            {
                var file = await Client.Contents.GetFileAsync(Id, path, head, cancellationToken).ConfigureAwait(false);
                files[path] = new SnapshotFile(path, file.Content) { BlobSha = file.Sha };
            }
            catch (GitHubNotFoundException)
            {
                files[path] = null;
            }
        }

        return new RepositorySnapshot(branch, head, files);
    }

    protected override async Task<string?> WriteAsync(RepositorySnapshot basis, IReadOnlyList<FileContent> files, CommitMessage message, CancellationToken cancellationToken)
    {
        if (files.Count != 1)
        {
            throw new PromotionException(
                $"The contents write method commits one file at a time, but this promotion changes {files.Count} files "
                + $"({string.Join(", ", files.Select(f => f.Path))}) that must land in one commit. Use --write-method graphql or git-data.");
        }

        var file = files[0];
        var write = new FileWrite(file.Path, file.Content, message.Text)
        {
            Sha = basis.Files.GetValueOrDefault(file.Path)?.BlobSha,
            Branch = basis.Branch,
        };
        return (await Client.Contents.PutFileAsync(Id, write, cancellationToken).ConfigureAwait(false)).CommitSha;
    }
}
