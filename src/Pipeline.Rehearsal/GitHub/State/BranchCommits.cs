namespace Pipeline.Rehearsal.GitHub.State;

/// <summary>A new commit on the tip of a branch, built from tree changes and moved in with compare-and-swap.</summary>
internal sealed record BranchCommit(string Branch, string Message, GitIdentity Author, GitIdentity Committer, bool Verified);

/// <summary>Writes a commit on top of a branch. Callers hold the repository's write lock.</summary>
internal static class BranchCommits
{
    /// <summary>
    /// Commits <paramref name="changes"/> on top of <paramref name="head"/> (null: a first commit) and moves the branch
    /// from <paramref name="head"/> to it; returns null when the branch moved meanwhile.
    /// </summary>
    public static async Task<string?> CommitAsync(GitHubState state, RepositoryState repository, BranchCommit commit,
        string? head, IEnumerable<GitTreeChange> changes, CancellationToken ct)
    {
        string? baseTree = null;
        if (head is not null)
        {
            baseTree = (await repository.Git.ReadCommitAsync(head, ct))!.Tree;
        }

        var tree = await repository.Git.EditTreeAsync(baseTree, changes, ct);
        var sha = await repository.Git.CommitTreeAsync(tree, head is null ? [] : [head], commit.Message,
            commit.Author, commit.Committer, ct, Writes.SignerFor(repository, commit.Verified, state.Now));
        if (!await repository.Git.CompareAndSwapRefAsync("refs/heads/" + commit.Branch, sha, head, ct))
        {
            return null;
        }

        repository.PushedAt = state.Now;
        return sha;
    }

    /// <summary>
    /// The author and committer of a REST write: as given (unsigned), or the caller and <see cref="Writes.CommitterFor"/>.
    /// </summary>
    public static BranchCommit Describe(GitHubState state, Principal principal, string branch, string message,
        GitIdentity? author, GitIdentity? committer)
    {
        var now = state.Now;
        if (author is null && committer is null)
        {
            var (byGitHub, signed) = Writes.CommitterFor(principal, now);
            return new BranchCommit(branch, message, Writes.AuthorFor(principal, now), byGitHub, signed);
        }

        return new BranchCommit(branch, message, author ?? committer!, committer ?? author!, false);
    }

    /// <summary>A commit GitHub makes for the caller (GraphQL <c>createCommitOnBranch</c>): committed by web-flow, signed.</summary>
    public static BranchCommit ByWebFlow(GitHubState state, Principal principal, string branch, string message) =>
        new(branch, message, Writes.AuthorFor(principal, state.Now), Writes.WebFlow(state.Now), true);
}
