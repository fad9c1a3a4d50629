using Pipeline.Rehearsal.GitHub.GraphQL.Execution;
using Pipeline.Rehearsal.GitHub.Rest.Pulls;

namespace Pipeline.Rehearsal.GitHub.GraphQL.Schema;

/// <summary>
/// The mutation root: <c>createCommitOnBranch</c>, <c>createPullRequest</c>, <c>enablePullRequestAutoMerge</c>,
/// <c>disablePullRequestAutoMerge</c>, <c>mergePullRequest</c>.
/// </summary>
internal static class MutationType
{
    public static GraphObject Create(GraphContext context) =>
        new GraphObject("Mutation")
            .Field("createCommitOnBranch", arguments => CommitOnBranch.RunAsync(context, Input(arguments)))
            .Field("createPullRequest", arguments => CreatePullRequestAsync(context, Input(arguments)))
            .Field("enablePullRequestAutoMerge", arguments => AutoMerge.EnableAsync(context, Input(arguments)))
            .Field("disablePullRequestAutoMerge", arguments => AutoMerge.DisableAsync(context, Input(arguments)))
            .Field("mergePullRequest", arguments => AutoMerge.MergeAsync(context, Input(arguments)));

    public static GraphArguments Input(GraphArguments arguments) =>
        arguments.Object("input") is { } input
            ? new GraphArguments(input.ToDictionary(p => p.Key, p => p.Value))
            : throw new GraphError("missingRequiredArguments", "Argument 'input' on Field is required");

    public static (RepositoryState Repository, PullRequestState Pull) PullRequest(GraphContext context, GraphArguments input)
    {
        var id = input.RequiredString("pullRequestId");
        var found = context.State.FindPullRequest(id)
            ?? throw new GraphError("NOT_FOUND", $"Could not resolve to a node with the global id of '{id}'");
        context.Require(found.Repository, "pull_requests", Access.Write);
        return found;
    }

    private static async Task<object?> CreatePullRequestAsync(GraphContext context, GraphArguments input)
    {
        var repositoryId = input.RequiredString("repositoryId");
        var repository = context.State.FindRepositoryByNodeId(repositoryId)
            ?? throw new GraphError("NOT_FOUND", $"Could not resolve to a node with the global id of '{repositoryId}'");
        context.Require(repository, "pull_requests", Access.Write);
        try
        {
            var pull = await PullWrites.CreateAsync(context.State, repository, context.Principal,
                new CreatePullRequest(input.RequiredString("title"), input.RequiredString("headRefName"),
                    input.RequiredString("baseRefName"), input.String("body"),
                    input["draft"]?.GetValue<bool>(), null), context.Cancellation);
            return Payload("CreatePullRequestPayload", input).Value("pullRequest", PullRequestType.Create(context, repository, pull));
        }
        catch (ApiErrorException error)
        {
            throw new GraphError("UNPROCESSABLE", error.Errors?.FirstOrDefault()?.Message ?? error.Message);
        }
    }

    /// <summary>A mutation payload (<c>CreateCommitOnBranchPayload</c>...) echoing <c>clientMutationId</c>.</summary>
    public static GraphObject Payload(string typeName, GraphArguments input) =>
        new GraphObject(typeName).Value("clientMutationId", input.String("clientMutationId"));
}
