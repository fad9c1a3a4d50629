using System.Collections.Concurrent;
using System.Text;
using Pipeline.GitHub;

namespace Pipeline.Promotion.Writers;

/// <summary>
/// Reads the head, its tree and every file in one GraphQL query; writes one tree on the head's tree with the changed files
/// inline, one commit whose parent is the head, and moves the branch with a fast-forward-only ref update: four requests
/// for any number of files. A file that is not UTF-8 text, or is larger than <see cref="InlineLimit"/>, goes up as a blob
/// first (one more request for each such file).
/// </summary>
internal sealed class GitDataWriter(IGitHubClient client, RepositoryId repository) : GraphQLReadingWriter(client, repository)
{
    /// <summary>
    /// The largest file sent inline in the tree request. Inline content travels as a JSON string, which keeps text byte for
    /// byte (line endings, a byte order mark) but not arbitrary bytes; big files go as blobs to keep the tree request small.
    /// </summary>
    internal const int InlineLimit = 256 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // The trees of the commits this writer made: the next environment's commit builds on one without asking for it.
    private readonly ConcurrentDictionary<string, string> _trees = new(StringComparer.Ordinal);

    public override WriteMethod Method => WriteMethod.GitData;

    protected override async Task<string?> WriteAsync(RepositorySnapshot basis, IReadOnlyList<FileContent> files, CommitMessage message, CancellationToken cancellationToken)
    {
        var head = RequireHead(basis);
        var baseTree = basis.TreeSha ?? _trees.GetValueOrDefault(head)
            ?? (await Client.Git.GetCommitAsync(Id, head, cancellationToken).ConfigureAwait(false)).Tree.Sha;
        var changes = new List<TreeChange>();
        foreach (var file in files)
        {
            var mode = basis.Files.GetValueOrDefault(file.Path)?.Mode ?? "100644";
            if (InlineText(file.Content) is { } text)
            {
                changes.Add(TreeChange.Text(file.Path, text, mode));
                continue;
            }

            var blob = await Client.Git.CreateBlobAsync(Id, file.Content, cancellationToken).ConfigureAwait(false);
            changes.Add(TreeChange.Blob(file.Path, blob.Sha, mode));
        }

        var tree = await Client.Git.CreateTreeAsync(Id, baseTree, changes, cancellationToken).ConfigureAwait(false);
        var commit = await Client.Git.CreateCommitAsync(Id, new NewCommit(message.Text, tree.Sha, [head]), cancellationToken).ConfigureAwait(false);
        await Client.Git.UpdateRefAsync(Id, "heads/" + basis.Branch, commit.Sha, cancellationToken).ConfigureAwait(false);
        _trees[commit.Sha] = tree.Sha;
        return commit.Sha;
    }

    /// <summary>The text of <paramref name="content"/> when it can go inline and come back as exactly these bytes; else null.</summary>
    internal static string? InlineText(byte[] content)
    {
        if (content.Length > InlineLimit || content.AsSpan().IndexOf((byte)0) >= 0)
        {
            return null;
        }

        try
        {
            var text = StrictUtf8.GetString(content);
            return StrictUtf8.GetBytes(text).AsSpan().SequenceEqual(content) ? text : null;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
