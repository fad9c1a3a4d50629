using Pipeline.Rehearsal.GitHub.Rest.Apps;
using Pipeline.Rehearsal.GitHub.Rest.Checks;
using Pipeline.Rehearsal.GitHub.Rest.Commits;
using Pipeline.Rehearsal.GitHub.Rest.Contents;
using Pipeline.Rehearsal.GitHub.Rest.Dispatches;
using Pipeline.Rehearsal.GitHub.Rest.GitData;
using Pipeline.Rehearsal.GitHub.Rest.Pulls;

namespace Pipeline.Rehearsal.GitHub.Rest;

/// <summary>Maps every REST area.</summary>
internal static class RestEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, GitHubState state)
    {
        RepositoryEndpoints.Map(routes, state);
        BranchAndCommitEndpoints.Map(routes, state);
        CommitListEndpoint.Map(routes, state);
        RefEndpoints.Map(routes, state);
        GitObjectEndpoints.Map(routes, state);
        ContentsEndpoints.Map(routes, state);
        PullEndpoints.Map(routes, state);
        LabelEndpoints.Map(routes, state);
        CommentEndpoints.Map(routes, state);
        StatusEndpoints.Map(routes, state);
        CheckRunEndpoints.Map(routes, state);
        Root.RootEndpoint.Map(routes);
        DispatchEndpoints.Map(routes, state);
        AppEndpoints.Map(routes, state);
    }
}
