namespace Pipeline.Rehearsal.GitHub.Rest.Contents;

/// <summary>The contents API: read a file or folder at a ref; create, update or delete one file in one commit.</summary>
internal static class ContentsEndpoints
{
    public const string Docs = "https://docs.github.com/rest/repos/contents";

    public static void Map(IEndpointRouteBuilder routes, GitHubState state)
    {
        routes.MapGet("/repos/{owner}/{repo}/contents/{**path}", context => GetAsync(context, state));
        routes.MapPut("/repos/{owner}/{repo}/contents/{**path}", context => ContentsWrites.PutAsync(context, state));
        routes.MapDelete("/repos/{owner}/{repo}/contents/{**path}", context => ContentsWrites.DeleteAsync(context, state));
    }

    private static async Task GetAsync(HttpContext context, GitHubState state)
    {
        const string docs = Docs + "#get-repository-content";
        var repository = context.Repository(state, "contents", Access.Read, docs);
        var ct = context.RequestAborted;
        var path = context.Route("path").Trim('/');
        var reference = context.Query("ref") is { Length: > 0 } r ? r : repository.DefaultBranch;
        var commit = await repository.Git.ResolveCommitAsync(reference, ct);
        if (commit is null)
        {
            throw new ApiErrorException(404, $"No commit found for the ref {reference}", docs);
        }

        var entry = await repository.Git.FindEntryAsync(commit, path, ct) ?? throw ApiErrorException.NotFound(docs);
        var links = context.Links();
        if (entry.Type == "tree")
        {
            var children = await repository.Git.ListTreeAsync(entry.Sha, recursive: false, ct: ct);
            var items = children
                .Select(c => ContentsPresenter.Item(repository, c, path.Length == 0 ? c.Path : path + "/" + c.Path, reference, links))
                .ToList();
            await context.WriteJsonAsync(items, GitHubJson.Default.IReadOnlyListContentItemJson);
            return;
        }

        if (entry.Type != "blob" || entry.Mode == "120000")
        {
            await context.WriteJsonAsync(ContentsPresenter.Item(repository, entry, path, reference, links) with
            {
                Target = entry.Mode == "120000"
                    ? System.Text.Encoding.UTF8.GetString((await repository.Git.ReadObjectAsync(entry.Sha, ct))!.Content)
                    : null,
            }, GitHubJson.Default.ContentItemJson);
            return;
        }

        var blob = (await repository.Git.ReadObjectAsync(entry.Sha, ct))!;
        if (context.Request.Headers.Accept.ToString().Contains("application/vnd.github.raw", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.ContentType = "application/vnd.github.raw";
            await context.Response.Body.WriteAsync(blob.Content, ct);
            return;
        }

        await context.WriteJsonAsync(ContentsPresenter.File(repository, entry, path, reference, blob.Content, links),
            GitHubJson.Default.ContentFileJson);
    }
}
