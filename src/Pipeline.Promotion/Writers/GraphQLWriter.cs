using Pipeline.GitHub;

namespace Pipeline.Promotion.Writers;

/// <summary>
/// Reads the head and every file in one GraphQL query and writes them in one <c>createCommitOnBranch</c> guarded by
/// <c>expectedHeadOid</c>: atomic, signed by GitHub when the token is an App's, and two requests for any number of files.
/// </summary>
internal sealed class GraphQLWriter(IGitHubClient client, RepositoryId repository) : GraphQLReadingWriter(client, repository)
{
    public override WriteMethod Method => WriteMethod.GraphQL;

    protected override async Task<string?> WriteAsync(RepositorySnapshot basis, IReadOnlyList<FileContent> files, CommitMessage message, CancellationToken cancellationToken)
    {
        var commit = new CommitOnBranch(Id, basis.Branch, RequireHead(basis), message.Subject)
        {
            Body = message.Body.Length == 0 ? null : message.Body,
            Additions = [.. files.Select(f => new FileAddition(f.Path, f.Content))],
        };
        return (await Client.GraphQL.CreateCommitOnBranchAsync(commit, cancellationToken).ConfigureAwait(false)).Oid;
    }
}
