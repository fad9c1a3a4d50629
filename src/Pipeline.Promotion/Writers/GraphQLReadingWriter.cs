using Pipeline.GitHub;

namespace Pipeline.Promotion.Writers;

/// <summary>
/// A GitHub writer that reads through one GraphQL query (<see cref="GraphQLSnapshots"/>): the branch or the default
/// branch, the head, the files and the histories together. The GraphQL and Git Data writers differ only in how they write.
/// </summary>
internal abstract class GraphQLReadingWriter(IGitHubClient client, RepositoryId repository) : GitHubWriter(client, repository), IBranchReader
{
    public override Task<RepositorySnapshot> ReadAsync(string branch, IReadOnlyList<string> paths, CancellationToken cancellationToken = default) =>
        GraphQLSnapshots.ReadAsync(Client, Id, branch, paths, cancellationToken);

    public Task<RepositorySnapshot> ReadAsync(BranchRead read, CancellationToken cancellationToken = default) =>
        GraphQLSnapshots.ReadAsync(Client, Id, read, cancellationToken);
}
