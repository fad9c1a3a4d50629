using System.Text;

namespace Pipeline.GitHub.GraphQL;

/// <summary>The GraphQL documents this package sends.</summary>
internal static class GraphQLQueries
{
    public const string CreateCommitOnBranch =
        "mutation CreateCommitOnBranch($input: CreateCommitOnBranchInput!) { createCommitOnBranch(input: $input) { commit { oid url } } }";

    public const string EnableAutoMerge =
        "mutation EnablePullRequestAutoMerge($input: EnablePullRequestAutoMergeInput!) { enablePullRequestAutoMerge(input: $input) { pullRequest { id } } }";

    /// <summary>
    /// The branch head, its tree, and each file at that very commit (<c>Commit.file</c>), so the head returned is exactly
    /// the state the files came from. Paths travel as variables <c>$p0..$pN</c>, read back through aliases <c>f0..fN</c>.
    /// </summary>
    public static string ReadFiles(int count)
    {
        var query = new StringBuilder("query ReadFiles($owner: String!, $name: String!, $ref: String!");
        for (var i = 0; i < count; i++)
        {
            query.Append(", $p").Append(i).Append(": String!");
        }

        query.Append(") { repository(owner: $owner, name: $name) { ref(qualifiedName: $ref) { target { oid ... on Commit { tree { oid }");
        for (var i = 0; i < count; i++)
        {
            query.Append(" f").Append(i).Append(": file(path: $p").Append(i)
                .Append(") { oid mode object { ... on Blob { text isBinary isTruncated byteSize } } }");
        }

        return query.Append(" } } } } }").ToString();
    }
}
