namespace Pipeline.Rehearsal.GitHub.Rest.Checks;

/// <summary>
/// Commit statuses: create (<c>POST /statuses/{sha}</c>, 201 with <c>Location</c>), the combined status of a ref and
/// the list of its statuses. A status's context is a check name for required checks and auto-merge.
/// </summary>
internal static class StatusEndpoints
{
    private const string Docs = "https://docs.github.com/rest/commits/statuses";

    public static void Map(IEndpointRouteBuilder routes, GitHubState state)
    {
        routes.MapPost("/repos/{owner}/{repo}/statuses/{sha}", async context =>
        {
            const string docs = Docs + "#create-a-commit-status";
            var repository = context.Repository(state, "statuses", Access.Write, docs);
            var sha = context.Route("sha");
            var body = await context.ReadJsonAsync(GitHubJson.Default.CreateStatusRequest);
            if (body.State is not ("success" or "failure" or "error" or "pending"))
            {
                throw ApiErrorException.Validation(docs, new ValidationErrorItem("Status", "custom", "state",
                    "state is not included in the list"));
            }

            if (await repository.Git.ReadCommitAsync(sha, context.RequestAborted) is null)
            {
                throw ApiErrorException.Unprocessable($"No commit found for SHA: {sha}", docs);
            }

            var status = state.AddStatus(repository, sha, body.State, body.Context ?? "default", body.Description,
                body.TargetUrl, context.Principal().Actor);
            await state.RefsChangedAsync(repository, context.RequestAborted);
            var json = Status(repository, status, context.Links());
            context.Response.Headers.Location = json.Url;
            await context.WriteJsonAsync(201, json, GitHubJson.Default.StatusJson);
        });

        routes.MapGet("/repos/{owner}/{repo}/commits/{ref}/status", context => CombinedAsync(context, state, context.Route("ref")));
        routes.MapGet("/repos/{owner}/{repo}/commits/{ref}/statuses", context => ListAsync(context, state, context.Route("ref")));
    }

    /// <summary>The newest status of each context, and their combined state.</summary>
    public static async Task CombinedAsync(HttpContext context, GitHubState state, string reference)
    {
        const string docs = Docs + "#get-the-combined-status-for-a-specific-reference";
        var repository = context.Repository(state, "statuses", Access.Read, docs);
        var sha = await repository.Git.ResolveCommitAsync(reference, context.RequestAborted)
            ?? throw new ApiErrorException(404, $"No commit found for SHA: {reference}", docs);
        var latest = state.StatusesOf(repository, sha).GroupBy(s => s.Context).Select(g => g.Last()).ToList();
        var combined = latest.Count == 0 || latest.Any(s => s.State == "pending") ? "pending"
            : latest.Any(s => s.State is "failure" or "error") ? "failure" : "success";
        var links = context.Links();
        var commit = links.Repo(repository.FullName) + "/commits/" + sha;
        await context.WriteJsonAsync(new CombinedStatusJson(combined,
            latest.Select(s => Status(repository, s, links)).ToList(), sha, latest.Count,
            RepositoryJson.From(repository, links), commit, commit + "/status"), GitHubJson.Default.CombinedStatusJson);
    }

    /// <summary>Every status of a ref, newest first.</summary>
    public static async Task ListAsync(HttpContext context, GitHubState state, string reference)
    {
        const string docs = Docs + "#list-commit-statuses-for-a-reference";
        var repository = context.Repository(state, "statuses", Access.Read, docs);
        var sha = await repository.Git.ResolveCommitAsync(reference, context.RequestAborted)
            ?? throw new ApiErrorException(404, $"No commit found for SHA: {reference}", docs);
        var links = context.Links();
        await context.WriteJsonAsync(state.StatusesOf(repository, sha).Reverse().Select(s => Status(repository, s, links)).ToList(),
            GitHubJson.Default.IReadOnlyListStatusJson);
    }

    private static StatusJson Status(RepositoryState repository, StatusState status, Links links)
    {
        var at = Timestamps.Format(status.CreatedAt);
        return new StatusJson(links.Repo(repository.FullName) + "/statuses/" + status.Sha, links.Web + "avatars/u/0", status.Id,
            NodeIds.For("SC_kwDO", status.Id), status.State, status.Description, status.TargetUrl, status.Context, at, at,
            status.Creator is { } creator ? UserJson.From(creator, links) : null);
    }
}

/// <summary>Body of <c>POST /repos/{owner}/{repo}/statuses/{sha}</c>.</summary>
internal sealed record CreateStatusRequest(string? State, string? TargetUrl, string? Description, string? Context);

/// <summary>GitHub's <c>status</c> (also valid as <c>simple-commit-status</c>).</summary>
internal sealed record StatusJson(string Url, string AvatarUrl, long Id, string NodeId, string State, string? Description,
    string? TargetUrl, string Context, string CreatedAt, string UpdatedAt, UserJson? Creator);

/// <summary>GitHub's <c>combined-commit-status</c>.</summary>
internal sealed record CombinedStatusJson(string State, IReadOnlyList<StatusJson> Statuses, string Sha, int TotalCount,
    RepositoryJson Repository, string CommitUrl, string Url);
