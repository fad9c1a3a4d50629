using Pipeline.GitHub.Http;
using Pipeline.GitHub.Json;

namespace Pipeline.GitHub.PullRequests;

internal sealed class PullRequestsClient(GitHubConnection connection, IGitDataClient git) : IPullRequestsClient
{
    public async Task<PullRequest?> FindByHeadAsync(RepositoryId repository, string headBranch, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(headBranch);
        var head = headBranch.Contains(':', StringComparison.Ordinal) ? headBranch : $"{repository.Owner}:{headBranch}";
        var path = GitHubPaths.Repo(repository, "/pulls" + GitHubPaths.Query(("head", head), ("state", "open"), ("per_page", "10")));
        var found = await connection.SendAsync(new GitHubRequest(HttpMethod.Get, path), GitHubJsonContext.Default.ListPullRequest, cancellationToken).ConfigureAwait(false);
        return found.FirstOrDefault();
    }

    public Task<PullRequest> GetAsync(RepositoryId repository, int number, CancellationToken cancellationToken = default) =>
        connection.SendAsync(new GitHubRequest(HttpMethod.Get, Pull(repository, number)), GitHubJsonContext.Default.PullRequest, cancellationToken);

    public Task<PullRequest> CreateAsync(RepositoryId repository, NewPullRequest pullRequest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pullRequest);
        var body = new PullRequestCreateBody(pullRequest.Title, pullRequest.Head, pullRequest.Base, pullRequest.Body, pullRequest.Draft);
        var request = new GitHubRequest(HttpMethod.Post, GitHubPaths.Repo(repository, "/pulls"))
        {
            Body = GitHubConnection.Serialize(body, GitHubJsonContext.Default.PullRequestCreateBody),
        };
        return connection.SendAsync(request, GitHubJsonContext.Default.PullRequest, cancellationToken);
    }

    public Task<PullRequest> UpdateAsync(RepositoryId repository, int number, PullRequestUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        var body = new PullRequestUpdateBody(update.Title, update.Body, update.Base, update.State);
        var request = new GitHubRequest(HttpMethod.Patch, Pull(repository, number))
        {
            Body = GitHubConnection.Serialize(body, GitHubJsonContext.Default.PullRequestUpdateBody),
        };
        return connection.SendAsync(request, GitHubJsonContext.Default.PullRequest, cancellationToken);
    }

    public Task<MergeResult> MergeAsync(RepositoryId repository, int number, MergeRequest merge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(merge);
        var body = new MergeBody(merge.Method.ToString().ToLowerInvariant(), merge.ExpectedHeadSha, merge.CommitTitle, merge.CommitMessage);
        var request = new GitHubRequest(HttpMethod.Put, Pull(repository, number) + "/merge")
        {
            Body = GitHubConnection.Serialize(body, GitHubJsonContext.Default.MergeBody),
            Operation = new GitHubOperation.Merge(number),
        };
        return connection.SendAsync(request, GitHubJsonContext.Default.MergeResult, cancellationToken);
    }

    public Task<PullRequest> CloseAsync(RepositoryId repository, int number, CancellationToken cancellationToken = default) =>
        UpdateAsync(repository, number, new PullRequestUpdate { State = "closed" }, cancellationToken);

    public async Task<IReadOnlyList<Label>> AddLabelsAsync(RepositoryId repository, int number, IReadOnlyList<string> labels, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(labels);

        // Adding a label that is already there changes nothing, so this POST may be repeated.
        var request = new GitHubRequest(HttpMethod.Post, Issue(repository, number) + "/labels")
        {
            Body = GitHubConnection.Serialize(new LabelsBody(labels), GitHubJsonContext.Default.LabelsBody),
            Retry = RetryMode.Idempotent,
        };
        return await connection.SendAsync(request, GitHubJsonContext.Default.ListLabel, cancellationToken).ConfigureAwait(false);
    }

    public async Task RemoveLabelAsync(RepositoryId repository, int number, string label, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        await connection.SendAsync(new GitHubRequest(HttpMethod.Delete, Issue(repository, number) + "/labels/" + GitHubPaths.Segment(label)), cancellationToken)
            .ConfigureAwait(false);
    }

    public Task<IssueComment> CreateCommentAsync(RepositoryId repository, int number, string body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(body);
        var request = new GitHubRequest(HttpMethod.Post, Issue(repository, number) + "/comments")
        {
            Body = GitHubConnection.Serialize(new CommentBody(body), GitHubJsonContext.Default.CommentBody),
        };
        return connection.SendAsync(request, GitHubJsonContext.Default.IssueComment, cancellationToken);
    }

    public async Task<IReadOnlyList<IssueComment>> ListCommentsAsync(RepositoryId repository, int number, CancellationToken cancellationToken = default)
    {
        var request = new GitHubRequest(HttpMethod.Get, Issue(repository, number) + "/comments" + GitHubPaths.Query(("per_page", "100")));
        return await connection.SendAsync(request, GitHubJsonContext.Default.ListIssueComment, cancellationToken).ConfigureAwait(false);
    }

    public Task DeleteBranchAsync(RepositoryId repository, string branch, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(branch);
        var name = branch.StartsWith("refs/heads/", StringComparison.Ordinal) ? branch["refs/heads/".Length..] : branch;
        return git.DeleteRefAsync(repository, "heads/" + name, cancellationToken);
    }

    private static string Pull(RepositoryId repository, int number) => GitHubPaths.Repo(repository, $"/pulls/{number}");

    private static string Issue(RepositoryId repository, int number) => GitHubPaths.Repo(repository, $"/issues/{number}");
}
