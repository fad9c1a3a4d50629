using Pipeline.Rehearsal.GitHub.GraphQL.Execution;

namespace Pipeline.Rehearsal.GitHub.GraphQL.Schema;

/// <summary>
/// <c>__type(name:)</c> with its field names, which clients use to detect features (<c>gh pr merge</c> asks which
/// fields <c>PullRequest</c> has). Only the object types this server builds are described.
/// </summary>
internal static class Introspection
{
    public static GraphObject? Type(GraphContext context, string name)
    {
        var prototype = Prototype(context, name);
        return prototype is null
            ? null
            : new GraphObject("__Type")
                .Value("name", name)
                .Value("kind", "OBJECT")
                .Value("fields", prototype.FieldNames.Order(StringComparer.Ordinal)
                    .Select(field => new GraphObject("__Field").Value("name", field).Value("isDeprecated", false)).ToList());
    }

    private static GraphObject? Prototype(GraphContext context, string name)
    {
        var repository = context.State.AllRepositories().FirstOrDefault();
        var account = context.State.Account("ghost");
        return name switch
        {
            "Query" => QueryType.Create(context),
            "Mutation" => MutationType.Create(context),
            "Repository" when repository is not null => RepositoryType.Create(context, repository),
            "PullRequest" when repository is not null => PullRequestType.Create(context, repository,
                new PullRequestState(0, 0, account, context.State.Now) { Title = "", HeadRef = "", BaseRef = "" }),
            _ => null,
        };
    }
}
