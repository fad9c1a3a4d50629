namespace Pipeline.Rehearsal.GitHub.Rest.Checks;

/// <summary>
/// Commit statuses (<c>POST /repos/{owner}/{repo}/statuses/{sha}</c>): a status's context is a check name for
/// required checks and auto-merge.
/// </summary>
internal static class StatusEndpoints
{
    private const string Docs = "https://docs.github.com/rest/commits/statuses#create-a-commit-status";

    public static void Map(IEndpointRouteBuilder routes, GitHubState state)
    {
        routes.MapPost("/repos/{owner}/{repo}/statuses/{sha}", async context =>
        {
            var repository = context.Repository(state, "statuses", Access.Write, Docs);
            var sha = context.Route("sha");
            var body = await context.ReadJsonAsync(GitHubJson.Default.CreateStatusRequest);
            var conclusion = body.State switch
            {
                "success" => CheckConclusion.Success,
                "failure" or "error" => CheckConclusion.Failure,
                "pending" => CheckConclusion.Pending,
                _ => throw ApiErrorException.Validation(Docs, new ValidationErrorItem("Status", "custom", "state",
                    "state is not included in the list")),
            };
            if (await repository.Git.ReadCommitAsync(sha, context.RequestAborted) is null)
            {
                throw ApiErrorException.Unprocessable($"No commit found for SHA: {sha}", Docs);
            }

            var name = body.Context ?? "default";
            state.SetCheck(repository, sha, name, conclusion);
            await state.RefsChangedAsync(repository, context.RequestAborted);
            var links = context.Links();
            var id = state.NextId();
            var url = links.Repo(repository.FullName) + "/statuses/" + sha;
            var now = Timestamps.Format(state.Now);
            await context.WriteJsonAsync(201, new StatusJson(url, links.Web + "avatars/u/0", id, NodeIds.For("SC_kwDO", id),
                body.State!, body.Description, body.TargetUrl, name, now, now,
                context.Principal().Actor is { } actor ? UserJson.From(actor, links) : null), GitHubJson.Default.StatusJson);
        });
    }
}

/// <summary>Body of <c>POST /repos/{owner}/{repo}/statuses/{sha}</c>.</summary>
internal sealed record CreateStatusRequest(string? State, string? TargetUrl, string? Description, string? Context);

/// <summary>GitHub's <c>status</c>.</summary>
internal sealed record StatusJson(string Url, string AvatarUrl, long Id, string NodeId, string State, string? Description,
    string? TargetUrl, string Context, string CreatedAt, string UpdatedAt, UserJson? Creator);
