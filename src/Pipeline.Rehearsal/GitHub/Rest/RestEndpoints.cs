using Microsoft.AspNetCore.Routing;
using Pipeline.Rehearsal.GitHub.Rest.Repositories;
using Pipeline.Rehearsal.GitHub.State;

namespace Pipeline.Rehearsal.GitHub.Rest;

/// <summary>Maps every REST area.</summary>
internal static class RestEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, GitHubState state)
    {
        RepositoryEndpoints.Map(routes, state);
    }
}
