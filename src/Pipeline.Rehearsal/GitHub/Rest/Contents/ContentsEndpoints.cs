namespace Pipeline.Rehearsal.GitHub.Rest.Contents;

/// <summary>The contents API: read a file or folder at a ref; create, update or delete one file in one commit.</summary>
internal static class ContentsEndpoints
{
    public const string Docs = "https://docs.github.com/rest/repos/contents";

    public static void Map(IEndpointRouteBuilder routes, GitHubState state)
    {
        routes.MapGet("/repos/{owner}/{repo}/contents/{**path}", context => GetAsync(context, state))
            .WithMetadata(new MediaFormats("raw", "html", "object"));
        routes.MapPut("/repos/{owner}/{repo}/contents/{**path}", context => ContentsWrites.PutAsync(context, state));
        routes.MapDelete("/repos/{owner}/{repo}/contents/{**path}", context => ContentsWrites.DeleteAsync(context, state));
        RawDownloads.Map(routes, state);
    }

    /// <summary>
    /// A file (JSON with base64 content; <c>raw</c>: its bytes; <c>html</c>: a rendered fragment) or a folder (JSON list;
    /// <c>object</c>: an object with <c>entries</c>).
    /// </summary>
    private static async Task GetAsync(HttpContext context, GitHubState state)
    {
        const string docs = Docs + "#get-repository-content";
        var repository = context.Repository(state, "contents", Access.Read, docs);
        var ct = context.RequestAborted;
        var path = context.Route("path").Trim('/');
        var reference = context.Query("ref") is { Length: > 0 } r ? r : repository.DefaultBranch;
        var commit = await repository.Git.ResolveCommitAsync(reference, ct)
            ?? throw new ApiErrorException(404, $"No commit found for the ref {reference}", docs);
        var entry = await repository.Git.FindEntryAsync(commit, path, ct) ?? throw ApiErrorException.NotFound(docs);
        var links = context.Links();
        var now = state.Now;
        if (entry.Type == "tree")
        {
            var children = (await repository.Git.ListTreeAsync(entry.Sha, recursive: false, ct: ct))
                .Select(c => ContentsPresenter.Item(repository, c, path.Length == 0 ? c.Path : path + "/" + c.Path, reference, links, now))
                .ToList();
            if (context.Format() == "object")
            {
                var self = ContentsPresenter.Item(repository, entry with { Size = 0 }, path, reference, links, now);
                await context.WriteJsonAsync(new ContentDirectoryJson("dir", 0, self.Name, self.Path, self.Sha, self.Url, self.GitUrl,
                    self.HtmlUrl, null, self.Links, children), GitHubJson.Default.ContentDirectoryJson);
                return;
            }

            await context.WriteJsonAsync(children, GitHubJson.Default.IReadOnlyListContentItemJson);
            return;
        }

        if (entry.Type != "blob" || entry.Mode == "120000")
        {
            await context.WriteJsonAsync(ContentsPresenter.Item(repository, entry, path, reference, links, now) with
            {
                Target = entry.Mode == "120000"
                    ? System.Text.Encoding.UTF8.GetString((await repository.Git.ReadObjectAsync(entry.Sha, ct))!.Content)
                    : null,
            }, GitHubJson.Default.ContentItemJson);
            return;
        }

        var blob = (await repository.Git.ReadObjectAsync(entry.Sha, ct))!;
        switch (context.Format())
        {
            case "raw":
                context.Response.ContentType = context.MediaType() + "; charset=utf-8";
                context.Response.Headers.ETag = "\"" + entry.Sha + "\"";
                await context.Response.Body.WriteAsync(blob.Content, ct);
                return;
            case "html":
                context.Response.ContentType = context.MediaType() + "; charset=utf-8";
                await context.Response.WriteAsync("<div id=\"file\" class=\"blob instapaper_body\"><article class=\"markdown-body entry-content\"><pre>"
                    + System.Net.WebUtility.HtmlEncode(System.Text.Encoding.UTF8.GetString(blob.Content)) + "</pre></article></div>", ct);
                return;
        }

        await context.WriteJsonAsync(ContentsPresenter.File(repository, entry, path, reference, blob.Content, links, now),
            GitHubJson.Default.ContentFileJson);
    }
}
