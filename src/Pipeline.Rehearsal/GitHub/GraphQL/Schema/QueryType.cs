using Pipeline.Rehearsal.GitHub.GraphQL.Execution;

namespace Pipeline.Rehearsal.GitHub.GraphQL.Schema;

/// <summary>The query root: <c>repository</c>, <c>viewer</c>, <c>node</c>, <c>rateLimit</c>.</summary>
internal static class QueryType
{
    public static GraphObject Create(GraphContext context) =>
        new GraphObject("Query")
            .Field("repository", arguments => Task.FromResult<object?>(RepositoryType.Create(context,
                context.Repository(arguments.RequiredString("owner"), arguments.RequiredString("name")))))
            .Field("viewer", () => context.Principal.Actor is { } actor
                ? ActorType.Create(context, actor)
                : throw new GraphError("FORBIDDEN", "Resource not accessible by integration"))
            .Field("node", arguments => Task.FromResult(Node(context, arguments.RequiredString("id"))))
            .Field("__type", arguments => Task.FromResult<object?>(Introspection.Type(context, arguments.RequiredString("name"))))
            .Field("rateLimit", () => new GraphObject("RateLimit")
                .Value("limit", context.State.Options.RateLimit)
                .Value("cost", 1)
                .Value("remaining", context.State.Options.RateLimit - 1)
                .Value("used", 1)
                .Value("resetAt", Timestamps.Format(context.State.Now.AddHours(1))));

    private static object? Node(GraphContext context, string id)
    {
        if (context.State.FindPullRequest(id) is var (repository, pull))
        {
            context.Require(repository, "pull_requests", Auth.Access.Read);
            return PullRequestType.Create(context, repository, pull);
        }

        if (context.State.FindRepositoryByNodeId(id) is { } found)
        {
            context.Require(found, "metadata", Auth.Access.Read);
            return RepositoryType.Create(context, found);
        }

        throw new GraphError("NOT_FOUND", $"Could not resolve to a node with the global id of '{id}'");
    }
}
