namespace Pipeline.GitHub;

/// <summary>Pull requests: find, open, update, merge, close, label, comment; and delete the head branch afterwards.</summary>
public interface IPullRequestsClient
{
    /// <summary><c>GET /pulls?head=owner:branch&amp;state=open</c>: the open pull request from a branch of this repository, or null.</summary>
    Task<PullRequest?> FindByHeadAsync(RepositoryId repository, string headBranch, CancellationToken cancellationToken = default);

    /// <summary><c>GET /pulls/{number}</c>.</summary>
    Task<PullRequest> GetAsync(RepositoryId repository, int number, CancellationToken cancellationToken = default);

    /// <summary><c>POST /pulls</c>: opens a pull request (never repeated blindly: a lost answer may hide one that opened).</summary>
    Task<PullRequest> CreateAsync(RepositoryId repository, NewPullRequest pullRequest, CancellationToken cancellationToken = default);

    /// <summary><c>PATCH /pulls/{number}</c>.</summary>
    Task<PullRequest> UpdateAsync(RepositoryId repository, int number, PullRequestUpdate update, CancellationToken cancellationToken = default);

    /// <summary><c>PUT /pulls/{number}/merge</c>.</summary>
    /// <exception cref="GitHubNotMergeableException">Checks, reviews or conflicts stand in the way.</exception>
    Task<MergeResult> MergeAsync(RepositoryId repository, int number, MergeRequest merge, CancellationToken cancellationToken = default);

    /// <summary>Closes without merging.</summary>
    Task<PullRequest> CloseAsync(RepositoryId repository, int number, CancellationToken cancellationToken = default);

    /// <summary><c>POST /issues/{number}/labels</c>: adds labels; returns all labels now on the pull request.</summary>
    Task<IReadOnlyList<Label>> AddLabelsAsync(RepositoryId repository, int number, IReadOnlyList<string> labels, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /issues/{number}/labels/{name}</c>.</summary>
    Task RemoveLabelAsync(RepositoryId repository, int number, string label, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>POST /issues/{number}/comments</c>: adds a comment to the pull request's conversation (pull requests are
    /// issues, so this works on issues too). Never repeated blindly: a lost answer may hide a comment that was made.
    /// </summary>
    Task<IssueComment> CreateCommentAsync(RepositoryId repository, int number, string body, CancellationToken cancellationToken = default);

    /// <summary><c>GET /issues/{number}/comments</c>: the first 100 comments of the conversation, oldest first.</summary>
    Task<IReadOnlyList<IssueComment>> ListCommentsAsync(RepositoryId repository, int number, CancellationToken cancellationToken = default);

    /// <summary>Deletes a branch (<c>DELETE /git/refs/heads/{branch}</c>), typically the head of a merged pull request.</summary>
    Task DeleteBranchAsync(RepositoryId repository, string branch, CancellationToken cancellationToken = default);
}
