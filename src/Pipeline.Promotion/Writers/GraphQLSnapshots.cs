using System.Globalization;
using System.Text;
using Pipeline.GitHub;

namespace Pipeline.Promotion.Writers;

/// <summary>Reads a branch head, its tree, any number of files and histories with one GraphQL query.</summary>
internal static class GraphQLSnapshots
{
    public static Task<RepositorySnapshot> ReadAsync(IGitHubClient client, RepositoryId repository, string branch, IReadOnlyList<string> paths, CancellationToken cancellationToken) =>
        ReadAsync(client, repository, new BranchRead(branch, paths), cancellationToken);

    public static async Task<RepositorySnapshot> ReadAsync(IGitHubClient client, RepositoryId repository, BranchRead read, CancellationToken cancellationToken)
    {
        var snapshot = await client.GraphQL.ReadBranchAsync(repository, read, cancellationToken).ConfigureAwait(false);
        var paths = read.Paths;
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
                ? await client.Git.GetBlobAsync(repository, file.BlobOid, cancellationToken).ConfigureAwait(false)
                : new UTF8Encoding(false).GetBytes(file.Text);
            files[path] = new SnapshotFile(path, bytes)
            {
                BlobSha = file.BlobOid,
                Mode = file.Mode is { } mode ? Convert.ToString(mode, 8).PadLeft(6, '0') : "100644",
            };
        }

        var histories = read.Histories.Zip(snapshot.Histories, (asked, page) => new KnownHistory(asked.Path,
            [.. page.Commits.Select(c => new HistoryCommit(c.Oid, c.Message))], !page.HasNextPage)).ToList();
        return new RepositorySnapshot(snapshot.Branch, snapshot.HeadOid, files) { TreeSha = snapshot.TreeOid, Histories = histories };
    }

    /// <summary>The sha git gives a blob of <paramref name="content"/> (<c>git hash-object</c>), to know a written file's sha without asking.</summary>
    public static string BlobSha(byte[] content)
    {
        var header = Encoding.ASCII.GetBytes("blob " + content.Length.ToString(CultureInfo.InvariantCulture) + "\0");
#pragma warning disable CA5350 // git names objects by SHA-1; this is an identity, not a security measure.
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData([.. header, .. content]));
#pragma warning restore CA5350
    }
}
