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
    /// One query: the branch (the default branch when <see cref="BranchRead.Branch"/> is null), its head, the given files
    /// and histories at that very commit. A missing file maps to null.
    /// </summary>
    /// <exception cref="GitHubNotFoundException">No such repository or branch, or the credential may not read it.</exception>
    Task<BranchSnapshot> ReadBranchAsync(RepositoryId repository, BranchRead read, CancellationToken cancellationToken = default);

    /// <summary>
    /// The <c>createCommitOnBranch</c> mutation: all files in one commit, or nothing.
    /// </summary>
    /// <exception cref="ExpectedHeadOidMismatchException">The branch moved since it was read.</exception>
    Task<CreatedCommit> CreateCommitOnBranchAsync(CommitOnBranch commit, CancellationToken cancellationToken = default);

    /// <summary>
    /// The <c>enablePullRequestAutoMerge</c> mutation: GitHub merges the pull request once its required checks pass,
    /// with the commit headline and body given (so a squash keeps the message's trailers).
    /// </summary>
    /// <exception cref="GitHubGraphQLException">GitHub refused, for example because the pull request can merge now ("clean status").</exception>
    Task EnablePullRequestAutoMergeAsync(AutoMergeRequest request, CancellationToken cancellationToken = default);
}
