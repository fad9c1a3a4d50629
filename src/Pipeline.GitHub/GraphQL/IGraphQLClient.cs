namespace Pipeline.GitHub;

/// <summary>The GraphQL calls that make a multi-file write take two requests whatever the number of files.</summary>
public interface IGraphQLClient
{
    /// <summary>
    /// One query: the branch head and the given files at that very commit. A missing file maps to null.
    /// </summary>
    /// <exception cref="GitHubNotFoundException">No such repository or branch, or the credential may not read it.</exception>
    Task<BranchSnapshot> ReadFilesAsync(RepositoryId repository, string branch, IReadOnlyList<string> paths, CancellationToken cancellationToken = default);

    /// <summary>
    /// The <c>createCommitOnBranch</c> mutation: all files in one commit, or nothing.
    /// </summary>
    /// <exception cref="ExpectedHeadOidMismatchException">The branch moved since it was read.</exception>
    Task<CreatedCommit> CreateCommitOnBranchAsync(CommitOnBranch commit, CancellationToken cancellationToken = default);

    /// <summary>
    /// The <c>enablePullRequestAutoMerge</c> mutation: GitHub merges the pull request once its required checks pass.
    /// </summary>
    /// <param name="pullRequestNodeId">The pull request's <see cref="PullRequest.NodeId"/>.</param>
    /// <param name="method">The merge method.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task EnablePullRequestAutoMergeAsync(string pullRequestNodeId, MergeMethod method, CancellationToken cancellationToken = default);
}
