using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Pipeline.GitHub;

namespace Pipeline.Promotion.Writers;

/// <summary>
/// Writes through git itself, to any host or a <c>file://</c> URL: fetches into a temporary bare repository, builds
/// the commit from blobs with a private index (no working tree, no line-ending filters, so bytes stay exact) and
/// pushes without force. A rejected push of a moved branch is a <see cref="WriteConflictException"/>; a
/// branch protection refusal (<c>GH006</c>, a declined hook) is a <see cref="ProtectedBranchException"/>.
/// </summary>
internal sealed partial class GitWriter : IPromotionWriter
{
    // Paths from the spec are file names, never pathspec patterns.
    private static readonly Dictionary<string, string> LiteralPathspecs = new() { ["GIT_LITERAL_PATHSPECS"] = "1" };

    private readonly string _url;
    private readonly DirectoryInfo _root;
    private readonly GitProcess _git;
    private readonly SemaphoreSlim _initialised = new(1, 1);
    private bool _ready;
    private int _indexes;

    public GitWriter(string url, Func<CancellationToken, ValueTask<Secret?>> credential, GitIdentity identity, string? displayName = null)
    {
        _url = url;
        Repository = displayName ?? url;
        _root = Directory.CreateTempSubdirectory("promotion-git-");
        var home = Directory.CreateDirectory(Path.Combine(_root.FullName, "home")).FullName;
        var gitDirectory = Directory.CreateDirectory(Path.Combine(_root.FullName, "repo.git")).FullName;
        _git = new GitProcess(gitDirectory, home, credential, identity);
    }

    public WriteMethod Method => WriteMethod.Git;

    public string Repository { get; }

    public bool SupportsBranches => true;

    public async Task<string> GetDefaultBranchAsync(CancellationToken cancellationToken = default)
    {
        await InitAsync(cancellationToken).ConfigureAwait(false);
        var output = (await _git.RunAsync(["ls-remote", "--symref", _url, "HEAD"], cancellationToken: cancellationToken).ConfigureAwait(false)).Text;
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("ref: refs/heads/", StringComparison.Ordinal));
        return line is null
            ? throw new PromotionException($"{Repository} does not say which branch is its default; pass the branch to promote to.")
            : line["ref: refs/heads/".Length..].Split('\t')[0];
    }

    public async Task<RepositorySnapshot> ReadAsync(string branch, IReadOnlyList<string> paths, CancellationToken cancellationToken = default)
    {
        var head = await FetchAsync(branch, cancellationToken).ConfigureAwait(false)
            ?? throw new PromotionException($"Branch {branch} does not exist in {Repository}; check the branch name.");
        var files = new Dictionary<string, SnapshotFile?>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var listing = (await _git.RunAsync(["ls-tree", "-z", head, "--", path], cancellationToken: cancellationToken).ConfigureAwait(false)).Text.TrimEnd('\0');
            var fields = listing.Split('\t', 2)[0].Split(' ');
            if (listing.Length == 0 || fields.Length != 3 || fields[1] != "blob")
            {
                files[path] = null;
                continue;
            }

            var bytes = (await _git.RunAsync(["cat-file", "blob", fields[2]], cancellationToken: cancellationToken).ConfigureAwait(false)).StandardOutput;
            files[path] = new SnapshotFile(path, bytes) { BlobSha = fields[2], Mode = fields[0] };
        }

        return new RepositorySnapshot(branch, head, files);
    }

    public async Task<string?> CommitAsync(RepositorySnapshot basis, IReadOnlyList<FileContent> files, CommitMessage message, CancellationToken cancellationToken = default)
    {
        var head = basis.HeadSha ?? throw new ArgumentException("A git snapshot always has a head.", nameof(basis));
        var index = Path.Combine(_root.FullName, $"index-{Interlocked.Increment(ref _indexes)}");
        var environment = new Dictionary<string, string> { ["GIT_INDEX_FILE"] = index };
        try
        {
            await _git.RunAsync(["read-tree", head], environment: environment, cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var file in files)
            {
                var blob = (await _git.RunAsync(["hash-object", "-w", "--no-filters", "--stdin"], file.Content, cancellationToken: cancellationToken).ConfigureAwait(false)).Text;
                var mode = basis.Files.GetValueOrDefault(file.Path)?.Mode ?? "100644";
                await _git.RunAsync(["update-index", "--add", "--cacheinfo", $"{mode},{blob},{file.Path}"], environment: environment, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            var tree = (await _git.RunAsync(["write-tree"], environment: environment, cancellationToken: cancellationToken).ConfigureAwait(false)).Text;
            var commit = (await _git.RunAsync(["commit-tree", tree, "-p", head, "-F", "-"], Encoding.UTF8.GetBytes(message.Text), cancellationToken: cancellationToken).ConfigureAwait(false)).Text;
            await PushAsync(commit, basis.Branch, head, cancellationToken).ConfigureAwait(false);
            return commit;
        }
        finally
        {
            File.Delete(index);
        }
    }

    public async IAsyncEnumerable<HistoryCommit> ReadHistoryAsync(string commit, IReadOnlyList<string> paths, int limit,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (limit <= 0)
        {
            yield break;
        }

        string[] arguments = ["log", "--format=%H%x00%B%x1e", $"--max-count={limit.ToString(CultureInfo.InvariantCulture)}", commit, "--", .. paths];
        var log = await _git.RunAsync(arguments, environment: LiteralPathspecs, cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var record in Encoding.UTF8.GetString(log.StandardOutput).Split('\x1e'))
        {
            var parts = record.TrimStart('\n').Split('\0', 2);
            if (parts.Length == 2)
            {
                yield return new HistoryCommit(parts[0], parts[1]);
            }
        }
    }

    public async Task<string?> GetBranchHeadAsync(string branch, CancellationToken cancellationToken = default)
    {
        await InitAsync(cancellationToken).ConfigureAwait(false);
        var output = (await _git.RunAsync(["ls-remote", _url, "refs/heads/" + branch], cancellationToken: cancellationToken).ConfigureAwait(false)).Text;
        return output.Length == 0 ? null : output.Split('\t')[0];
    }

    public async Task CreateBranchAsync(string branch, string sha, CancellationToken cancellationToken = default)
    {
        await EnsureCommitAsync(sha, cancellationToken).ConfigureAwait(false);
        await PushAsync(sha, branch, null, cancellationToken).ConfigureAwait(false);
    }

    public Task DeleteBranchAsync(string branch, CancellationToken cancellationToken = default) =>
        PushAsync(null, branch, null, cancellationToken);

    public async Task<bool> IsAncestorAsync(string ancestor, string descendant, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var result = await _git.RunAsync(["merge-base", "--is-ancestor", ancestor, descendant], check: false, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (result.ExitCode is 0 or 1)
            {
                return result.ExitCode == 0;
            }

            if (attempt > 0)
            {
                throw GitProcess.Failure(["merge-base", "--is-ancestor", ancestor, descendant], result);
            }

            await FetchAllAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync()
    {
        _initialised.Dispose();
        try
        {
            foreach (var file in _root.EnumerateFiles("*", SearchOption.AllDirectories))
            {
                file.Attributes = FileAttributes.Normal;
            }

            _root.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }

        return ValueTask.CompletedTask;
    }
}
