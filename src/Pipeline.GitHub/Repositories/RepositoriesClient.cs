using System.Globalization;
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

    public async Task<IReadOnlyList<RepositoryCommit>> ListCommitsAsync(RepositoryId repository, CommitQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new CommitQuery();
        query.Validate();
        var parameters = GitHubPaths.Query(
            ("sha", query.Sha),
            ("path", query.Path?.Trim('/')),
            ("per_page", query.PerPage.ToString(CultureInfo.InvariantCulture)),
            ("page", query.Page == 1 ? null : query.Page.ToString(CultureInfo.InvariantCulture)));
        return await connection.SendAsync(
            new GitHubRequest(HttpMethod.Get, GitHubPaths.Repo(repository, "/commits" + parameters)),
            GitHubJsonContext.Default.ListRepositoryCommit,
            cancellationToken).ConfigureAwait(false);
    }
}
