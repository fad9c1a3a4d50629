using System.Runtime.CompilerServices;
using Pipeline.GitHub;

namespace Pipeline.Promotion.Writers;

/// <summary>
/// What the three GitHub API writers share: branches through the git refs API, ancestry through the compare API,
/// history by walking commits, and the translation of GitHub's write errors into promotion errors.
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
        catch (GitHubException exception) when (exception is GitHubProtectedBranchException || IsProtectionRefusal(exception))
        {
            throw new ProtectedBranchException(Repository, basis.Branch,
                $"{Id}: branch {basis.Branch} is protected and refused the direct commit. Use mode: pull-request, set "
                + "fallbackToPullRequest: true, or add the writing GitHub App to the protection's bypass list.", exception);
        }
    }

    public async IAsyncEnumerable<HistoryCommit> ReadHistoryAsync(string commit, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Breadth first over every parent, so that promotions merged with merge commits are found too.
        var queue = new Queue<string>([commit]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { commit };
        while (queue.TryDequeue(out var sha))
        {
            var read = await Client.Git.GetCommitAsync(Id, sha, cancellationToken).ConfigureAwait(false);
            yield return new HistoryCommit(read.Sha, read.Message);
            foreach (var parent in read.Parents)
            {
                if (seen.Add(parent.Sha))
                {
                    queue.Enqueue(parent.Sha);
                }
            }
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

    // GraphQL reports a protection refusal as an error of an HTTP 200 answer, which the REST error table cannot see.
    private static bool IsProtectionRefusal(GitHubException exception) =>
        exception is GitHubGraphQLException
        && (exception.Message.Contains("protected branch", StringComparison.OrdinalIgnoreCase) || exception.Message.Contains("rule violation", StringComparison.OrdinalIgnoreCase));

    protected static string RequireHead(RepositorySnapshot basis) =>
        basis.HeadSha ?? throw new ArgumentException("A snapshot from a GitHub writer always has a head.", nameof(basis));
}
