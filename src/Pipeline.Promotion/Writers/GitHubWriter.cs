using System.Runtime.CompilerServices;
using Pipeline.GitHub;

namespace Pipeline.Promotion.Writers;

/// <summary>
/// What the three GitHub API writers share: branches through the git refs API, ancestry through the compare API,
/// history through the commits list filtered by path, and the translation of GitHub's write errors into promotion errors.
/// </summary>
internal abstract class GitHubWriter(IGitHubClient client, RepositoryId repository) : IPromotionWriter
{
    protected IGitHubClient Client { get; } = client;

    protected RepositoryId Id { get; } = repository;

    public abstract WriteMethod Method { get; }

    public string Repository => Id.ToString();

    public bool SupportsBranches => true;

    public async Task<string> GetDefaultBranchAsync(CancellationToken cancellationToken = default) =>
        (await Client.Repositories.GetAsync(Id, cancellationToken).ConfigureAwait(false)).DefaultBranch;

    public abstract Task<RepositorySnapshot> ReadAsync(string branch, IReadOnlyList<string> paths, CancellationToken cancellationToken = default);

    public async Task<string?> CommitAsync(RepositorySnapshot basis, IReadOnlyList<FileContent> files, CommitMessage message, CancellationToken cancellationToken = default)
    {
        try
        {
            return await WriteAsync(basis, files, message, cancellationToken).ConfigureAwait(false);
        }
        catch (GitHubWriteConflictException exception)
        {
            throw new WriteConflictException(basis.Branch, basis.HeadSha,
                $"{Id} {basis.Branch} moved since {basis.HeadSha} was read ({Method.ToName()}); re-read and re-apply.", exception);
        }
        catch (GitHubProtectedBranchException exception)
        {
            throw new ProtectedBranchException(Repository, basis.Branch,
                $"{Id}: branch {basis.Branch} is protected and refused the direct commit. Use mode: pull-request, set "
                + "fallbackToPullRequest: true, or add the writing GitHub App to the protection's bypass list.", exception);
        }
    }

    public async IAsyncEnumerable<HistoryCommit> ReadHistoryAsync(string commit, IReadOnlyList<string> paths, int limit,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // One request lists a page of commits that changed the paths' shared folder; the caller stops reading early.
        var query = new CommitQuery { Sha = commit, Path = HistoryPaths.SharedFolder(paths), PerPage = Math.Clamp(limit, 1, CommitQuery.MaxPerPage) };
        var listed = 0;
        while (listed < limit)
        {
            var page = await Client.Repositories.ListCommitsAsync(Id, query, cancellationToken).ConfigureAwait(false);
            foreach (var found in page.Take(limit - listed))
            {
                listed++;
                yield return new HistoryCommit(found.Sha, found.Message);
            }

            if (page.Count < query.PerPage)
            {
                yield break;
            }

            query = query with { Page = query.Page + 1 };
        }
    }

    public async Task<string?> GetBranchHeadAsync(string branch, CancellationToken cancellationToken = default)
    {
        try
        {
            return (await Client.Git.GetRefAsync(Id, "heads/" + branch, cancellationToken).ConfigureAwait(false)).Object.Sha;
        }
        catch (GitHubNotFoundException)
        {
            return null;
        }
    }

    public Task CreateBranchAsync(string branch, string sha, CancellationToken cancellationToken = default) =>
        Client.Git.CreateRefAsync(Id, "refs/heads/" + branch, sha, cancellationToken);

    public Task DeleteBranchAsync(string branch, CancellationToken cancellationToken = default) =>
        Client.Git.DeleteRefAsync(Id, "heads/" + branch, cancellationToken);

    public async Task<bool> IsAncestorAsync(string ancestor, string descendant, CancellationToken cancellationToken = default)
    {
        var comparison = await Client.Repositories.CompareAsync(Id, ancestor, descendant, cancellationToken).ConfigureAwait(false);
        return comparison.Status is "ahead" or "identical";
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    protected abstract Task<string?> WriteAsync(RepositorySnapshot basis, IReadOnlyList<FileContent> files, CommitMessage message, CancellationToken cancellationToken);

    protected static string RequireHead(RepositorySnapshot basis) =>
        basis.HeadSha ?? throw new ArgumentException("A snapshot from a GitHub writer always has a head.", nameof(basis));
}
