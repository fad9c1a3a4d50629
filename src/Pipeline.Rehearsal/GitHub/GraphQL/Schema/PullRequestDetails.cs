using Pipeline.Rehearsal.GitHub.GraphQL.Execution;
using Pipeline.Rehearsal.GitHub.Rest.Pulls;

namespace Pipeline.Rehearsal.GitHub.GraphQL.Schema;

/// <summary>
/// The parts of a <c>PullRequest</c> that clients such as <c>gh pr view</c> read besides its state: size, commits with
/// their check rollup, comments, and the review, assignee and project connections this server keeps empty.
/// </summary>
internal static class PullRequestDetails
{
    public static GraphObject Details(this GraphObject pullRequest, GraphContext context, RepositoryState repository, PullRequestState pull) =>
        pullRequest
            .Value("createdAt", Timestamps.Format(pull.CreatedAt))
            .Field("updatedAt", () => Timestamps.Format(pull.UpdatedAt))
            .Field("closedAt", () => Timestamps.Format(pull.ClosedAt))
            .Value("maintainerCanModify", false)
            .Value("isCrossRepository", false)
            .Value("headRepositoryOwner", ActorType.Create(context, repository.Owner))
            .Field("headRepository", () => RepositoryType.Create(context, repository))
            .Field("additions", async _ => (object?)(await ChangesAsync(repository, pull, context)).Sum(c => c.Additions))
            .Field("deletions", async _ => (object?)(await ChangesAsync(repository, pull, context)).Sum(c => c.Deletions))
            .Field("changedFiles", async _ => (object?)(await ChangesAsync(repository, pull, context)).Count)
            .Field("commits", async arguments => (object?)await CommitsAsync(context, repository, pull, arguments))
            .Field("comments", () => Comments(context, repository, pull))
            .Value("reviewDecision", null)
            .Value("reviewRequests", Connections.Of("ReviewRequestConnection", []))
            .Value("reviews", Connections.Of("PullRequestReviewConnection", []))
            .Value("assignees", Connections.Of("UserConnection", []))
            .Value("projectCards", Connections.Of("ProjectCardConnection", []))
            .Value("milestone", null)
            .Value("reactionGroups", Array.Empty<GraphObject>())
            .Value("isInMergeQueue", false)
            .Value("isMergeQueueEnabled", false)
            .Value("viewerMergeHeadlineText", "")
            .Value("viewerMergeBodyText", "");

    private static async Task<IReadOnlyList<GitChange>> ChangesAsync(RepositoryState repository, PullRequestState pull, GraphContext context)
    {
        var (from, to) = await PullFiles.RangeAsync(repository, pull, context.Cancellation);
        return await repository.Git.ChangedPathsAsync(from, to, context.Cancellation);
    }

    private static async Task<GraphObject> CommitsAsync(GraphContext context, RepositoryState repository, PullRequestState pull,
        GraphArguments arguments)
    {
        var (from, to) = await PullFiles.RangeAsync(repository, pull, context.Cancellation);
        var shas = (await repository.Git.CommitsBetweenAsync(from, to, context.Cancellation)).ToList();
        var total = shas.Count;
        shas = arguments.Int("last") is { } last ? shas.TakeLast(last).ToList() : arguments.Int("first") is { } first ? shas.Take(first).ToList() : shas;
        var nodes = new List<GraphObject>();
        foreach (var sha in shas)
        {
            var commit = (await repository.Git.ReadCommitAsync(sha, context.Cancellation))!;
            nodes.Add(new GraphObject("PullRequestCommit", "Node").Value("id", NodeIds.ForSha("PURC_kwDO", sha))
                .Value("commit", GitTypes.Commit(context, repository, commit)));
        }

        return Connections.Of("PullRequestCommitConnection", nodes).Value("totalCount", total);
    }

    private static GraphObject Comments(GraphContext context, RepositoryState repository, PullRequestState pull)
    {
        List<CommentState> comments;
        lock (pull.Comments)
        {
            comments = [.. pull.Comments];
        }

        var url = context.Links.RepoHtml(repository.FullName) + "/pull/" + pull.Number;
        return Connections.Of("IssueCommentConnection", comments.Select(c => new GraphObject("IssueComment", "Node", "Comment")
            .Value("id", NodeIds.For("IC_kwDO", c.Id))
            .Value("author", ActorType.Create(context, c.User))
            .Value("authorAssociation", "OWNER")
            .Value("body", c.Body)
            .Value("createdAt", Timestamps.Format(c.CreatedAt))
            .Value("includesCreatedEdit", false)
            .Value("isMinimized", false)
            .Value("minimizedReason", null)
            .Value("reactionGroups", Array.Empty<GraphObject>())
            .Value("url", url + "#issuecomment-" + c.Id)
            .Value("viewerDidAuthor", context.Principal.Actor == c.User)).ToList());
    }
}
