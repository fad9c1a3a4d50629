using Pipeline.GitHub;

namespace Pipeline.Promotion.Writers;

/// <summary>
/// The contents API writes one file per commit (<c>PUT /contents/{path}</c>, guarded by the file's blob sha), so a
/// promotion that changes two or more files of an environment is refused before anything is written: they could not
/// land in one commit. Use graphql or git-data for those; an environment with several files whose promotion changes only
/// one of them is accepted. Reads cost one request per file, on top of the branch head.
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
            throw new PromotionException(OneFilePerCommit(files.Select(f => f.Path).ToList()));
        }

        var file = files[0];
        var write = new FileWrite(file.Path, file.Content, message.Text)
        {
            Sha = basis.Files.GetValueOrDefault(file.Path)?.BlobSha,
            Branch = basis.Branch,
        };
        return (await Client.Contents.PutFileAsync(Id, write, cancellationToken).ConfigureAwait(false)).CommitSha;
    }

    /// <summary>Why the contents writer refuses a promotion of several files, and which writer to use instead.</summary>
    public static string OneFilePerCommit(IReadOnlyList<string> paths) =>
        $"The contents writer writes one file per commit, but this promotion changes {paths.Count} files ({string.Join(", ", paths)}) "
        + "that must land in one commit. Use --write-method GraphQL (one commit, one query and one mutation whatever the number of files) "
        + "or GitData (one commit, four requests); nothing was written.";
}
