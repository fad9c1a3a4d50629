namespace Pipeline.Rehearsal.GitHub.Rest.Pulls;

/// <summary>Labels of a pull request (through the issues API, as on GitHub): list, add, replace, remove.</summary>
internal static class LabelEndpoints
{
    private const string Docs = "https://docs.github.com/rest/issues/labels";

    public static void Map(IEndpointRouteBuilder routes, GitHubState state)
    {
        routes.MapGet("/repos/{owner}/{repo}/issues/{number:int}/labels", async context =>
        {
            var repository = context.Repository(state, "pull_requests", Access.Read, Docs);
            var pull = PullEndpoints.Find(repository, context, Docs);
            await context.WriteJsonAsync(PullPresenter.Labels(repository, pull, context.Links()), GitHubJson.Default.IReadOnlyListLabelJson);
        });
        routes.MapPost("/repos/{owner}/{repo}/issues/{number:int}/labels", context => ChangeAsync(context, state, replace: false));
        routes.MapPut("/repos/{owner}/{repo}/issues/{number:int}/labels", context => ChangeAsync(context, state, replace: true));
        routes.MapDelete("/repos/{owner}/{repo}/issues/{number:int}/labels/{name}", async context =>
        {
            var repository = context.Repository(state, "pull_requests", Access.Write, Docs);
            var pull = PullEndpoints.Find(repository, context, Docs);
            var name = context.Route("name");
            lock (repository.Labels)
            {
                if (pull.Labels.RemoveAll(l => string.Equals(l, name, StringComparison.OrdinalIgnoreCase)) == 0)
                {
                    throw new ApiErrorException(404, "Label does not exist", Docs + "#remove-a-label-from-an-issue");
                }
            }

            await context.WriteJsonAsync(PullPresenter.Labels(repository, pull, context.Links()), GitHubJson.Default.IReadOnlyListLabelJson);
        });
    }

    private static async Task ChangeAsync(HttpContext context, GitHubState state, bool replace)
    {
        var repository = context.Repository(state, "pull_requests", Access.Write, Docs);
        var pull = PullEndpoints.Find(repository, context, Docs);
        var body = await context.ReadJsonAsync(GitHubJson.Default.JsonElement);
        var names = Names(body.ValueKind == JsonValueKind.Object && body.TryGetProperty("labels", out var labels) ? labels : body);
        if (names is null)
        {
            throw ApiErrorException.Validation(Docs, new ValidationErrorItem("Label", "invalid", "labels"));
        }

        lock (repository.Labels)
        {
            if (replace)
            {
                pull.Labels.Clear();
            }

            foreach (var name in names)
            {
                if (!repository.Labels.TryGetValue(name, out var label))
                {
                    label = new LabelState(state.NextId(), name, "ededed", null);
                    repository.Labels[name] = label;
                }

                if (!pull.Labels.Contains(label.Name, StringComparer.OrdinalIgnoreCase))
                {
                    pull.Labels.Add(label.Name);
                }
            }
        }

        await context.WriteJsonAsync(PullPresenter.Labels(repository, pull, context.Links()), GitHubJson.Default.IReadOnlyListLabelJson);
    }

    private static List<string>? Names(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().Select(e => e.ValueKind switch
        {
            JsonValueKind.String => e.GetString(),
            JsonValueKind.Object when e.TryGetProperty("name", out var n) => n.GetString(),
            _ => null,
        }).OfType<string>().ToList(),
        _ => null,
    };
}
