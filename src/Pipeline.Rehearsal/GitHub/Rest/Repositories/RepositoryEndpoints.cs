namespace Pipeline.Rehearsal.GitHub.Rest.Repositories;

/// <summary><c>GET /repos/{owner}/{repo}</c>, and <c>GET /repositories/{id}</c> (undocumented, answered by GitHub, used by Octokit).</summary>
internal static class RepositoryEndpoints
{
    private const string Docs = "https://docs.github.com/rest/repos/repos#get-a-repository";

    public static void Map(IEndpointRouteBuilder routes, GitHubState state)
    {
        routes.MapGet("/repos/{owner}/{repo}", async context =>
        {
            var repository = context.Repository(state, "metadata", Access.Read, Docs);
            context.SetLastModified(repository.PushedAt);
            await context.WriteJsonAsync(RepositoryJson.From(repository, context.Links()), GitHubJson.Default.RepositoryJson);
        });

        routes.MapGet("/repositories/{id:long}", async context =>
        {
            var repository = state.FindRepository(long.Parse(context.Route("id"), System.Globalization.CultureInfo.InvariantCulture))
                ?? throw ApiErrorException.NotFound(Docs);
            Access.Require(context.Principal(), repository, "metadata", Access.Read, Docs);
            context.SetLastModified(repository.PushedAt);
            await context.WriteJsonAsync(RepositoryJson.From(repository, context.Links()), GitHubJson.Default.RepositoryJson);
        });
    }

    /// <summary>The repository named by the route, after checking the caller may use it at the given level.</summary>
    public static RepositoryState Repository(this HttpContext context, GitHubState state, string permission,
        string level, string docs)
    {
        var repository = state.FindRepository(context.Route("owner"), context.Route("repo"))
            ?? throw ApiErrorException.NotFound(docs);
        Access.Require(context.Principal(), repository, permission, level, docs);
        return repository;
    }
}
