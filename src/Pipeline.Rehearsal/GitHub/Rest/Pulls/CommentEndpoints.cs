namespace Pipeline.Rehearsal.GitHub.Rest.Pulls;

/// <summary>Comments on a pull request's conversation, through the issues API as on GitHub: list and create.</summary>
internal static class CommentEndpoints
{
    private const string Docs = "https://docs.github.com/rest/issues/comments";

    /// <summary>GitHub's limit on a comment body.</summary>
    private const int MaxBody = 65536;

    public static void Map(IEndpointRouteBuilder routes, GitHubState state)
    {
        routes.MapGet("/repos/{owner}/{repo}/issues/{number:int}/comments", async context =>
        {
            var repository = context.Repository(state, "pull_requests", Access.Read, Docs + "#list-issue-comments");
            var pull = PullEndpoints.Find(repository, context, Docs + "#list-issue-comments");
            var page = Math.Max(1, int.TryParse(context.Query("page"), out var p) ? p : 1);
            var perPage = Math.Clamp(int.TryParse(context.Query("per_page"), out var n) ? n : 30, 1, 100);
            List<CommentState> comments;
            lock (pull.Comments)
            {
                comments = pull.Comments.Skip((page - 1) * perPage).Take(perPage).ToList();
            }

            var links = context.Links();
            await context.WriteJsonAsync(comments.Select(c => Present(repository, pull, c, links)).ToList(),
                GitHubJson.Default.IReadOnlyListIssueCommentJson);
        });

        routes.MapPost("/repos/{owner}/{repo}/issues/{number:int}/comments", async context =>
        {
            const string docs = Docs + "#create-an-issue-comment";
            var repository = context.Repository(state, "pull_requests", Access.Write, docs);
            var pull = PullEndpoints.Find(repository, context, docs);
            var body = await context.ReadJsonAsync(GitHubJson.Default.CreateCommentRequest);
            if (string.IsNullOrEmpty(body.Body))
            {
                throw ApiErrorException.Validation(docs, new ValidationErrorItem("IssueComment", "missing_field", "body"));
            }

            if (body.Body.Length > MaxBody)
            {
                throw ApiErrorException.Validation(docs,
                    new ValidationErrorItem("IssueComment", "custom", "body", $"Body is too long (maximum is {MaxBody} characters)"));
            }

            var actor = context.Principal().Actor ?? throw ApiErrorException.NotFound(docs);
            var comment = new CommentState(state.NextId(), actor, body.Body, state.Now);
            lock (pull.Comments)
            {
                pull.Comments.Add(comment);
            }

            pull.UpdatedAt = comment.CreatedAt;
            var json = Present(repository, pull, comment, context.Links());
            context.Response.Headers.Location = json.Url;
            await context.WriteJsonAsync(201, json, GitHubJson.Default.IssueCommentJson);
        });
    }

    private static IssueCommentJson Present(RepositoryState repository, PullRequestState pull, CommentState comment, Links links)
    {
        var repo = links.Repo(repository.FullName);
        var association = comment.User.Login == repository.Owner.Login ? "OWNER" : comment.User.Type == "Bot" ? "NONE" : "COLLABORATOR";
        return new IssueCommentJson(
            comment.Id,
            NodeIds.For("IC_kwDO", comment.Id),
            repo + "/issues/comments/" + comment.Id,
            comment.Body,
            links.RepoHtml(repository.FullName) + "/pull/" + pull.Number + "#issuecomment-" + comment.Id,
            UserJson.From(comment.User, links),
            Timestamps.Format(comment.CreatedAt),
            Timestamps.Format(comment.CreatedAt),
            repo + "/issues/" + pull.Number,
            association,
            null);
    }
}
