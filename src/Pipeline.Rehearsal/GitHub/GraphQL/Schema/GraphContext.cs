using Pipeline.Rehearsal.GitHub.GraphQL.Execution;

namespace Pipeline.Rehearsal.GitHub.GraphQL.Schema;

/// <summary>What resolvers of one request share: state, caller, links and cancellation.</summary>
internal sealed record GraphContext(GitHubState State, Principal Principal, Links Links, CancellationToken Cancellation)
{
    /// <summary>Checks access as REST does, reporting GraphQL's FORBIDDEN or NOT_FOUND instead of HTTP statuses.</summary>
    public void Require(RepositoryState repository, string permission, string level)
    {
        try
        {
            Access.Require(Principal, repository, permission, level, "https://docs.github.com/graphql");
        }
        catch (ApiErrorException error) when (error.Status == 404)
        {
            throw NotFound(repository.FullName);
        }
        catch (ApiErrorException error)
        {
            throw new GraphError("FORBIDDEN", error.Message);
        }
    }

    public static GraphError NotFound(string nameWithOwner) =>
        new("NOT_FOUND", $"Could not resolve to a Repository with the name '{nameWithOwner}'.");

    public RepositoryState Repository(string owner, string name, string permission = "metadata", string level = Access.Read)
    {
        var repository = State.FindRepository(owner, name) ?? throw NotFound(owner + "/" + name);
        Require(repository, permission, level);
        return repository;
    }
}
