using Pipeline.GitHub.Http;
using Pipeline.GitHub.Json;

namespace Pipeline.GitHub.Repositories;

internal sealed class RepositoriesClient(GitHubConnection connection) : IRepositoriesClient
{
    public Task<Repository> GetAsync(RepositoryId repository, CancellationToken cancellationToken = default) =>
        connection.SendAsync(new GitHubRequest(HttpMethod.Get, GitHubPaths.Repo(repository)), GitHubJsonContext.Default.Repository, cancellationToken);

    public Task<Branch> GetBranchAsync(RepositoryId repository, string branch, CancellationToken cancellationToken = default) =>
        connection.SendAsync(
            new GitHubRequest(HttpMethod.Get, GitHubPaths.Repo(repository, "/branches/" + GitHubPaths.Segments(branch))),
            GitHubJsonContext.Default.Branch,
            cancellationToken);

    public Task<CommitComparison> CompareAsync(RepositoryId repository, string @base, string head, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(@base);
        ArgumentException.ThrowIfNullOrWhiteSpace(head);
        var range = GitHubPaths.Segments(@base) + "..." + GitHubPaths.Segments(head);
        return connection.SendAsync(
            new GitHubRequest(HttpMethod.Get, GitHubPaths.Repo(repository, "/compare/" + range + GitHubPaths.Query(("per_page", "1")))),
            GitHubJsonContext.Default.CommitComparison,
            cancellationToken);
    }
}
