using Pipeline.Rehearsal.GitHub.Rest.Apps;

namespace Pipeline.Rehearsal.GitHub.Rest.Checks;

/// <summary>
/// Check runs: only a GitHub App creates and updates them (403 "You must authenticate via a GitHub App." otherwise);
/// anyone who reads the repository lists them for a ref. A run's name counts as a check for required checks.
/// </summary>
internal static class CheckRunEndpoints
{
    private const string Docs = "https://docs.github.com/rest/checks/runs";

    public static void Map(IEndpointRouteBuilder routes, GitHubState state)
    {
        routes.MapPost("/repos/{owner}/{repo}/check-runs", async context =>
        {
            const string docs = Docs + "#create-a-check-run";
            var repository = context.Repository(state, "checks", Access.Write, docs);
            var app = context.Principal().ActingApp ?? throw ApiErrorException.Forbidden("You must authenticate via a GitHub App.", docs);
            var body = await context.ReadJsonAsync(GitHubJson.Default.CheckRunRequest);
            if (body.Name is null || body.HeadSha is null)
            {
                throw ApiErrorException.Validation(docs, new ValidationErrorItem("CheckRun", "missing_field", body.Name is null ? "name" : "head_sha"));
            }

            if (await repository.Git.ReadCommitAsync(body.HeadSha, context.RequestAborted) is null)
            {
                throw ApiErrorException.Unprocessable($"No commit found for SHA: {body.HeadSha}", docs);
            }

            var run = new CheckRunState(state.NextId(), body.HeadSha, body.Name, app, body.StartedAt ?? state.Now);
            Apply(state, run, body);
            lock (repository.CheckRuns)
            {
                if (!repository.CheckRuns.TryGetValue(run.Sha, out var runs))
                {
                    repository.CheckRuns[run.Sha] = runs = [];
                }

                runs.Add(run);
            }

            await CountAsync(state, repository, run, context);
            var json = CheckRun(state, repository, run, context.Links());
            context.Response.Headers.Location = json.Url;
            await context.WriteJsonAsync(201, json, GitHubJson.Default.CheckRunJson);
        });

        routes.MapMethods("/repos/{owner}/{repo}/check-runs/{id:long}", ["PATCH"], async context =>
        {
            const string docs = Docs + "#update-a-check-run";
            var repository = context.Repository(state, "checks", Access.Write, docs);
            var app = context.Principal().ActingApp ?? throw ApiErrorException.Forbidden("You must authenticate via a GitHub App.", docs);
            var run = Find(repository, context, docs);
            if (run.App != app)
            {
                throw ApiErrorException.Forbidden("Invalid app_id `" + app.App.Id + "` - check run can only be modified by the GitHub App that created it.", docs);
            }

            Apply(state, run, await context.ReadJsonAsync(GitHubJson.Default.CheckRunRequest));
            await CountAsync(state, repository, run, context);
            await context.WriteJsonAsync(CheckRun(state, repository, run, context.Links()), GitHubJson.Default.CheckRunJson);
        });

        routes.MapGet("/repos/{owner}/{repo}/check-runs/{id:long}", async context =>
        {
            const string docs = Docs + "#get-a-check-run";
            var repository = context.Repository(state, "checks", Access.Read, docs);
            await context.WriteJsonAsync(CheckRun(state, repository, Find(repository, context, docs), context.Links()), GitHubJson.Default.CheckRunJson);
        });

        routes.MapGet("/repos/{owner}/{repo}/commits/{ref}/check-runs", context => ListAsync(context, state, context.Route("ref")));
    }

    /// <summary>The runs on the commit a ref names, newest first, filtered by <c>check_name</c> and <c>status</c>.</summary>
    public static async Task ListAsync(HttpContext context, GitHubState state, string reference)
    {
        const string docs = Docs + "#list-check-runs-for-a-git-reference";
        var repository = context.Repository(state, "checks", Access.Read, docs);
        var sha = await repository.Git.ResolveCommitAsync(reference, context.RequestAborted)
            ?? throw new ApiErrorException(404, $"No commit found for SHA: {reference}", docs);
        List<CheckRunState> runs;
        lock (repository.CheckRuns)
        {
            runs = repository.CheckRuns.TryGetValue(sha, out var list) ? [.. list] : [];
        }

        runs = runs.Where(r => context.Query("check_name") is not { } name || r.Name == name)
            .Where(r => context.Query("status") is not { } status || r.Status == status)
            .Reverse().ToList();
        var links = context.Links();
        await context.WriteJsonAsync(new CheckRunListJson(runs.Count, runs.Select(r => CheckRun(state, repository, r, links)).ToList()),
            GitHubJson.Default.CheckRunListJson);
    }

    private static CheckRunState Find(RepositoryState repository, HttpContext context, string docs)
    {
        var id = long.Parse(context.Route("id"), System.Globalization.CultureInfo.InvariantCulture);
        lock (repository.CheckRuns)
        {
            return repository.CheckRuns.Values.SelectMany(r => r).FirstOrDefault(r => r.Id == id) ?? throw ApiErrorException.NotFound(docs);
        }
    }

    private static void Apply(GitHubState state, CheckRunState run, CheckRunRequest body)
    {
        run.Name = body.Name ?? run.Name;
        run.DetailsUrl = body.DetailsUrl ?? run.DetailsUrl;
        run.ExternalId = body.ExternalId ?? run.ExternalId;
        run.Title = body.Output?.Title ?? run.Title;
        run.Summary = body.Output?.Summary ?? run.Summary;
        if (body.Conclusion is not null || body.Status == "completed")
        {
            run.Status = "completed";
            run.Conclusion = body.Conclusion ?? run.Conclusion
                ?? throw ApiErrorException.Validation(Docs, new ValidationErrorItem("CheckRun", "missing_field", "conclusion"));
            run.CompletedAt = body.CompletedAt ?? state.Now;
        }
        else if (body.Status is { } status)
        {
            run.Status = status is "queued" or "in_progress" ? status
                : throw ApiErrorException.Validation(Docs, new ValidationErrorItem("CheckRun", "invalid", "status", "status is not included in the list"));
        }
    }

    private static Task CountAsync(GitHubState state, RepositoryState repository, CheckRunState run, HttpContext context)
    {
        state.SetCheck(repository, run.Sha, run.Name, run.AsCheck);
        return state.RefsChangedAsync(repository, context.RequestAborted);
    }

    private static CheckRunJson CheckRun(GitHubState state, RepositoryState repository, CheckRunState run, Links links)
    {
        var url = links.Repo(repository.FullName) + "/check-runs/" + run.Id;
        return new CheckRunJson(run.Id, NodeIds.For("CR_kwDO", run.Id), run.Sha, run.ExternalId ?? "", url,
            links.RepoHtml(repository.FullName) + "/runs/" + run.Id, run.DetailsUrl, run.Status, run.Conclusion,
            Timestamps.Format(run.StartedAt), Timestamps.Format(run.CompletedAt),
            new CheckOutputJson(run.Title, run.Summary, null, 0, url + "/annotations"), run.Name, new IdJson(run.Id),
            AppPresenter.App(state, run.App, links), []);
    }
}

/// <summary>Body of <c>POST /check-runs</c> and <c>PATCH /check-runs/{id}</c>.</summary>
internal sealed record CheckRunRequest(string? Name, string? HeadSha, string? DetailsUrl, string? ExternalId, string? Status,
    string? Conclusion, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, CheckOutputRequest? Output);

/// <summary>The <c>output</c> of a check run request.</summary>
internal sealed record CheckOutputRequest(string? Title, string? Summary, string? Text);

/// <summary>GitHub's <c>check-run</c>.</summary>
internal sealed record CheckRunJson(long Id, string NodeId, string HeadSha, string ExternalId, string Url, string HtmlUrl,
    string? DetailsUrl, string Status, string? Conclusion, string StartedAt, string? CompletedAt, CheckOutputJson Output,
    string Name, IdJson CheckSuite, IntegrationJson App, IReadOnlyList<object> PullRequests);

/// <summary>The <c>output</c> of a check run.</summary>
internal sealed record CheckOutputJson(string? Title, string? Summary, string? Text, int AnnotationsCount, string AnnotationsUrl);

/// <summary>An object with only an id.</summary>
internal sealed record IdJson(long Id);

/// <summary>The answer of <c>GET /commits/{ref}/check-runs</c>.</summary>
internal sealed record CheckRunListJson(int TotalCount, IReadOnlyList<CheckRunJson> CheckRuns);
