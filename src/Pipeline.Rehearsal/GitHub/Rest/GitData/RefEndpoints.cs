namespace Pipeline.Rehearsal.GitHub.Rest.GitData;

/// <summary>
/// The Git Data API for references: get, list matching, create, update (compare-and-swap), delete; and the older
/// forms GitHub still answers and Octokit uses: <c>GET git/refs</c> (all) and <c>GET git/refs/{ref}</c> (one ref,
/// or every ref under a prefix such as <c>heads</c>).
/// </summary>
internal static class RefEndpoints
{
    private const string Docs = "https://docs.github.com/rest/git/refs";

    public static void Map(IEndpointRouteBuilder routes, GitHubState state)
    {
        routes.MapGet("/repos/{owner}/{repo}/git/ref/{**ref}", async context =>
        {
            var repository = context.Repository(state, "contents", Access.Read, Docs);
            var name = "refs/" + context.Route("ref");
            var found = (await repository.Git.ListRefsAsync(name, context.RequestAborted)).FirstOrDefault(r => r.Name == name)
                ?? throw ApiErrorException.NotFound(Docs + "#get-a-reference");
            await context.WriteJsonAsync(GitPresenter.Ref(repository, found, context.Links()), GitHubJson.Default.GitRefJson);
        });

        routes.MapGet("/repos/{owner}/{repo}/git/matching-refs/{**ref}", async context =>
        {
            var repository = context.Repository(state, "contents", Access.Read, Docs);
            var refs = await repository.Git.ListRefsAsync("refs/" + context.Route("ref"), context.RequestAborted);
            var links = context.Links();
            await context.WriteJsonAsync(refs.Select(r => GitPresenter.Ref(repository, r, links)).ToList(),
                GitHubJson.Default.IReadOnlyListGitRefJson);
        });

        routes.MapGet("/repos/{owner}/{repo}/git/refs", async context =>
        {
            var repository = context.Repository(state, "contents", Access.Read, Docs);
            var links = context.Links();
            await context.WriteJsonAsync((await repository.Git.ListRefsAsync("refs/", context.RequestAborted))
                .Select(r => GitPresenter.Ref(repository, r, links)).ToList(), GitHubJson.Default.IReadOnlyListGitRefJson);
        });

        routes.MapGet("/repos/{owner}/{repo}/git/refs/{**ref}", async context =>
        {
            var repository = context.Repository(state, "contents", Access.Read, Docs);
            var name = "refs/" + context.Route("ref").TrimEnd('/');
            var refs = await repository.Git.ListRefsAsync(name, context.RequestAborted);
            var links = context.Links();
            if (refs.FirstOrDefault(r => r.Name == name) is { } exact)
            {
                await context.WriteJsonAsync(GitPresenter.Ref(repository, exact, links), GitHubJson.Default.GitRefJson);
                return;
            }

            var under = refs.Where(r => r.Name.StartsWith(name + "/", StringComparison.Ordinal)).ToList();
            if (under.Count == 0)
            {
                throw ApiErrorException.NotFound(Docs + "#get-a-reference");
            }

            await context.WriteJsonAsync(under.Select(r => GitPresenter.Ref(repository, r, links)).ToList(),
                GitHubJson.Default.IReadOnlyListGitRefJson);
        });

        routes.MapPost("/repos/{owner}/{repo}/git/refs", async context =>
        {
            var repository = context.Repository(state, "contents", Access.Write, Docs);
            var body = await context.ReadJsonAsync(GitHubJson.Default.CreateRefRequest);
            var created = await RefWrites.CreateAsync(state, repository, context.Principal(), body, context.RequestAborted);
            var json = GitPresenter.Ref(repository, created, context.Links());
            context.Response.Headers.Location = json.Url;
            await context.WriteJsonAsync(201, json, GitHubJson.Default.GitRefJson);
        });

        routes.MapMethods("/repos/{owner}/{repo}/git/refs/{**ref}", ["PATCH"], async context =>
        {
            var repository = context.Repository(state, "contents", Access.Write, Docs);
            var body = await context.ReadJsonAsync(GitHubJson.Default.UpdateRefRequest);
            var updated = await RefWrites.UpdateAsync(state, repository, context.Principal(), "refs/" + context.Route("ref"),
                body, context.RequestAborted);
            await context.WriteJsonAsync(GitPresenter.Ref(repository, updated, context.Links()), GitHubJson.Default.GitRefJson);
        });

        routes.MapDelete("/repos/{owner}/{repo}/git/refs/{**ref}", async context =>
        {
            var repository = context.Repository(state, "contents", Access.Write, Docs);
            await RefWrites.DeleteAsync(state, repository, context.Principal(), "refs/" + context.Route("ref"),
                context.RequestAborted);
            context.NoContent();
        });
    }
}
