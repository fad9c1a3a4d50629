namespace Pipeline.GitHub;

/// <summary>Repositories, branches and comparisons.</summary>
public interface IRepositoriesClient
{
    /// <summary><c>GET /repos/{owner}/{repo}</c>: the repository, including its default branch.</summary>
    Task<Repository> GetAsync(RepositoryId repository, CancellationToken cancellationToken = default);

    /// <summary><c>GET /repos/{owner}/{repo}/branches/{branch}</c>: a branch and its head commit.</summary>
    Task<Branch> GetBranchAsync(RepositoryId repository, string branch, CancellationToken cancellationToken = default);

    /// <summary><c>GET /repos/{owner}/{repo}/compare/{base}...{head}</c>: how far head is ahead of and behind base.</summary>
    Task<CommitComparison> CompareAsync(RepositoryId repository, string @base, string head, CancellationToken cancellationToken = default);
}
