namespace Pipeline.Rehearsal.GitHub.Rest.Pulls;

/// <summary>Pull requests: list (by head, base, state), create, get, update, merge.</summary>
internal static class PullEndpoints
{
    public const string Docs = "https://docs.github.com/rest/pulls/pulls";

    public static void Map(IEndpointRouteBuilder routes, GitHubState state)
    {
        routes.MapGet("/repos/{owner}/{repo}/pulls", async context =>
        {
            var repository = context.Repository(state, "pull_requests", Access.Read, Docs + "#list-pull-requests");
            var wanted = context.Query("state") ?? "open";
            var head = context.Query("head");
            var @base = context.Query("base");
            List<PullRequestState> pulls;
            lock (repository.PullRequests)
            {
                pulls = repository.PullRequests
                    .Where(p => wanted == "all" || p.State == wanted)
                    .Where(p => head is null || HeadMatches(repository, p, head))
                    .Where(p => @base is null || p.BaseRef == @base)
                    .OrderByDescending(p => p.Number)
                    .ToList();
            }

            if (context.Query("direction") == "asc")
            {
                pulls.Reverse();
            }

            var page = Math.Max(1, int.TryParse(context.Query("page"), out var p) ? p : 1);
            var perPage = Math.Clamp(int.TryParse(context.Query("per_page"), out var n) ? n : 30, 1, 100);
            var result = new List<PullRequestJson>();
            foreach (var pull in pulls.Skip((page - 1) * perPage).Take(perPage))
            {
                result.Add(await PullPresenter.PullAsync(state, repository, pull, context.Links(), context.RequestAborted));
            }

            await context.WriteJsonAsync(result, GitHubJson.Default.IReadOnlyListPullRequestJson);
        });

        routes.MapPost("/repos/{owner}/{repo}/pulls", async context =>
        {
            var repository = context.Repository(state, "pull_requests", Access.Write, Docs + "#create-a-pull-request");
            var body = await context.ReadJsonAsync(GitHubJson.Default.CreatePullRequest);
            var pull = await PullWrites.CreateAsync(state, repository, context.Principal(), body, context.RequestAborted);
            var json = await PullPresenter.PullAsync(state, repository, pull, context.Links(), context.RequestAborted);
            context.Response.Headers.Location = json.Url;
            await context.WriteJsonAsync(201, json, GitHubJson.Default.PullRequestJson);
        });

        routes.MapGet("/repos/{owner}/{repo}/pulls/{number:int}", async context =>
        {
            var repository = context.Repository(state, "pull_requests", Access.Read, Docs + "#get-a-pull-request");
            var pull = Find(repository, context, Docs + "#get-a-pull-request");
            if (context.Format() is "diff" or "patch")
            {
                var (from, to) = await PullFiles.RangeAsync(repository, pull, context.RequestAborted);
                await Commits.CommitText.WriteAsync(context, await Commits.CommitText.DiffAsync(repository, from, to, context.Format() == "patch", context.RequestAborted));
                return;
            }

            await context.WriteJsonAsync(await PullPresenter.PullAsync(state, repository, pull, context.Links(), context.RequestAborted),
                GitHubJson.Default.PullRequestJson);
        }).WithMetadata(new MediaFormats("diff", "patch", "raw", "text", "html", "full"));

        routes.MapGet("/repos/{owner}/{repo}/pulls/{number:int}/files", async context =>
        {
            const string docs = Docs + "#list-pull-requests-files";
            var repository = context.Repository(state, "pull_requests", Access.Read, docs);
            var pull = Find(repository, context, docs);
            await context.WriteJsonAsync(await PullFiles.ListAsync(repository, pull, context.Links(), context.RequestAborted),
                GitHubJson.Default.IReadOnlyListDiffEntryJson);
        });

        routes.MapMethods("/repos/{owner}/{repo}/pulls/{number:int}", ["PATCH"], async context =>
        {
            var repository = context.Repository(state, "pull_requests", Access.Write, Docs + "#update-a-pull-request");
            var pull = Find(repository, context, Docs + "#update-a-pull-request");
            var body = await context.ReadJsonAsync(GitHubJson.Default.UpdatePullRequest);
            await PullWrites.UpdateAsync(state, repository, pull, body, context.RequestAborted);
            await context.WriteJsonAsync(await PullPresenter.PullAsync(state, repository, pull, context.Links(), context.RequestAborted),
                GitHubJson.Default.PullRequestJson);
        });

        routes.MapGet("/repos/{owner}/{repo}/pulls/{number:int}/merge", context =>
        {
            var repository = context.Repository(state, "pull_requests", Access.Read, PullMerger.Docs);
            var pull = Find(repository, context, PullMerger.Docs);
            if (pull.MergedAt is null)
            {
                throw ApiErrorException.NotFound(Docs + "#check-if-a-pull-request-has-been-merged");
            }

            context.NoContent();
            return Task.CompletedTask;
        });

        routes.MapPut("/repos/{owner}/{repo}/pulls/{number:int}/merge", async context =>
        {
            var repository = context.Repository(state, "contents", Access.Write, PullMerger.Docs);
            var pull = Find(repository, context, PullMerger.Docs);
            var body = await context.ReadOptionalJsonAsync(GitHubJson.Default.MergePullRequest)
                ?? new MergePullRequest(null, null, null, null);
            var actor = context.Principal().Actor ?? throw ApiErrorException.NotFound(PullMerger.Docs);
            var sha = await PullMerger.MergeAsync(state, repository, pull, actor, body.MergeMethod ?? "merge", body.Sha,
                body.CommitTitle, body.CommitMessage, context.RequestAborted);
            await state.RefsChangedAsync(repository, context.RequestAborted);
            await context.WriteJsonAsync(new MergeResultJson(sha, true, "Pull Request successfully merged"),
                GitHubJson.Default.MergeResultJson);
        });
    }

    public static PullRequestState Find(RepositoryState repository, HttpContext context, string docs)
    {
        var number = int.Parse(context.Route("number"), System.Globalization.CultureInfo.InvariantCulture);
        lock (repository.PullRequests)
        {
            return repository.PullRequests.FirstOrDefault(p => p.Number == number) ?? throw ApiErrorException.NotFound(docs);
        }
    }

    /// <summary><c>head</c> filters as <c>owner:branch</c> (or a bare branch name).</summary>
    private static bool HeadMatches(RepositoryState repository, PullRequestState pull, string head)
    {
        var colon = head.IndexOf(':');
        if (colon < 0)
        {
            return pull.HeadRef == head;
        }

        return string.Equals(head[..colon], repository.Owner.Login, StringComparison.OrdinalIgnoreCase)
            && pull.HeadRef == head[(colon + 1)..];
    }
}
