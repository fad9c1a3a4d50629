namespace Pipeline.GitHub;

/// <summary>Repositories, branches, commits and comparisons.</summary>
public interface IRepositoriesClient
{
    /// <summary><c>GET /repos/{owner}/{repo}</c>: the repository, including its default branch.</summary>
    Task<Repository> GetAsync(RepositoryId repository, CancellationToken cancellationToken = default);

    /// <summary><c>GET /repos/{owner}/{repo}/branches/{branch}</c>: a branch and its head commit.</summary>
    Task<Branch> GetBranchAsync(RepositoryId repository, string branch, CancellationToken cancellationToken = default);

    /// <summary><c>GET /repos/{owner}/{repo}/compare/{base}...{head}</c>: how far head is ahead of and behind base.</summary>
    Task<CommitComparison> CompareAsync(RepositoryId repository, string @base, string head, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>GET /repos/{owner}/{repo}/commits?sha=&amp;path=&amp;per_page=&amp;page=</c>: one page of the commits reachable from
    /// <see cref="CommitQuery.Sha"/> that changed <see cref="CommitQuery.Path"/>, newest first. A page shorter than
    /// <see cref="CommitQuery.PerPage"/> is the last.
    /// </summary>
    /// <exception cref="GitHubNotFoundException">No such repository, or no commit named <see cref="CommitQuery.Sha"/>.</exception>
    Task<IReadOnlyList<RepositoryCommit>> ListCommitsAsync(RepositoryId repository, CommitQuery? query = null, CancellationToken cancellationToken = default);
}
