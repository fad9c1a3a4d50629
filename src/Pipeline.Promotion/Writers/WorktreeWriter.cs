namespace Pipeline.Promotion.Writers;

/// <summary>
/// Edits files of a local checkout in place and runs no git command: committing is left to whoever owns the
/// checkout. Before writing, each file is compared with the bytes read; if one changed meanwhile the write is a
/// <see cref="WriteConflictException"/>. All files are written to temporary siblings first and then moved into place.
/// </summary>
internal sealed class WorktreeWriter(string root) : IPromotionWriter
{
    private const string Unsupported = "The worktree write method only edits files; pull requests and branches need graphql, git-data, contents or git.";

    public WriteMethod Method => WriteMethod.Worktree;

    public string Repository { get; } = Path.GetFullPath(root);

    public bool SupportsBranches => false;

    public Task<string> GetDefaultBranchAsync(CancellationToken cancellationToken = default) => Task.FromResult("worktree");

    public async Task<RepositorySnapshot> ReadAsync(string branch, IReadOnlyList<string> paths, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(Repository))
        {
            throw new PromotionException($"The worktree {Repository} does not exist; pass the directory of the GitOps checkout.");
        }

        var files = new Dictionary<string, SnapshotFile?>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var full = FullPath(path);
            files[path] = File.Exists(full) ? new SnapshotFile(path, await File.ReadAllBytesAsync(full, cancellationToken).ConfigureAwait(false)) : null;
        }

        return new RepositorySnapshot(branch, null, files);
    }

    public async Task<string?> CommitAsync(RepositorySnapshot basis, IReadOnlyList<FileContent> files, CommitMessage message, CancellationToken cancellationToken = default)
    {
        var staged = new List<(string Temporary, string Target)>();
        try
        {
            foreach (var file in files)
            {
                var target = FullPath(file.Path);
                var before = basis.Files.GetValueOrDefault(file.Path)?.Content;
                var now = File.Exists(target) ? await File.ReadAllBytesAsync(target, cancellationToken).ConfigureAwait(false) : null;
                if (before is null || now is null || !before.AsSpan().SequenceEqual(now))
                {
                    throw new WriteConflictException(basis.Branch, null, $"{file.Path} changed in {Repository} since it was read; re-read and re-apply.");
                }

                var temporary = target + ".promote-" + Guid.NewGuid().ToString("N")[..8];
                await File.WriteAllBytesAsync(temporary, file.Content, cancellationToken).ConfigureAwait(false);
                staged.Add((temporary, target));
            }

            foreach (var (temporary, target) in staged)
            {
                File.Move(temporary, target, overwrite: true);
            }

            staged.Clear();
            return null;
        }
        finally
        {
            foreach (var (temporary, _) in staged)
            {
                File.Delete(temporary);
            }
        }
    }

    public async IAsyncEnumerable<HistoryCommit> ReadHistoryAsync(string commit, IReadOnlyList<string> paths, int limit,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        yield break;
    }

    public Task<string?> GetBranchHeadAsync(string branch, CancellationToken cancellationToken = default) => throw new PromotionException(Unsupported);

    public Task CreateBranchAsync(string branch, string sha, CancellationToken cancellationToken = default) => throw new PromotionException(Unsupported);

    public Task DeleteBranchAsync(string branch, CancellationToken cancellationToken = default) => throw new PromotionException(Unsupported);

    public Task<bool> IsAncestorAsync(string ancestor, string descendant, CancellationToken cancellationToken = default) => throw new PromotionException(Unsupported);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private string FullPath(string path)
    {
        var full = Path.GetFullPath(Path.Combine(Repository, path));
        return full.StartsWith(Repository + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new PromotionException($"{path} is outside the worktree {Repository}.");
    }
}
