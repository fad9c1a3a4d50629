using Pipeline.GitHub;
using Pipeline.Promotion.Writers;

namespace Pipeline.Promotion.Tests.Support;

/// <summary>Real writers over the local server, by method, for tests that exercise the writer interface itself.</summary>
public static class Writers
{
    public static readonly GitIdentity Committer = new("Promotion Test", "promotion@example.invalid");

    internal static IPromotionWriter Create(WriteMethod method, GitOpsServer github, RepositoryId repository, IGitHubClient client) => method switch
    {
        WriteMethod.GraphQL => new GraphQLWriter(client, repository),
        WriteMethod.GitData => new GitDataWriter(client, repository),
        WriteMethod.Contents => new ContentsWriter(client, repository),
        WriteMethod.Git => new GitWriter(github.Server.GitUrl(repository.Owner, repository.Name).ToString(), _ => ValueTask.FromResult<Secret?>(github.UserToken), Committer),
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };
}
