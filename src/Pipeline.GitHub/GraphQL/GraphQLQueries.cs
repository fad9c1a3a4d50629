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
    /// The branch (or the default branch) with its head, its tree, each file at that very commit (<c>Commit.file</c>) and
    /// pages of its history (<c>Commit.history</c>), so the head returned is exactly the state the files and histories
    /// came from. Paths travel as variables <c>$p0..$pN</c> and <c>$h0..$hN</c>, read back through aliases <c>f0..fN</c>
    /// and <c>h0..hN</c>.
    /// </summary>
    public static string ReadFiles(BranchRead read)
    {
        var query = new StringBuilder("query ReadFiles($owner: String!, $name: String!");
        if (read.Branch is not null)
        {
            query.Append(", $ref: String!");
        }

        for (var i = 0; i < read.Paths.Count; i++)
        {
            query.Append(", $p").Append(i).Append(": String!");
        }

        for (var i = 0; i < read.Histories.Count; i++)
        {
            if (read.Histories[i].Path is not null)
            {
                query.Append(", $h").Append(i).Append(": String!");
            }
        }

        query.Append(") { repository(owner: $owner, name: $name) { ")
            .Append(read.Branch is null ? "defaultBranchRef" : "ref(qualifiedName: $ref)")
            .Append(" { name target { oid ... on Commit { tree { oid }");
        for (var i = 0; i < read.Paths.Count; i++)
        {
            query.Append(" f").Append(i).Append(": file(path: $p").Append(i)
                .Append(") { oid mode object { ... on Blob { text isBinary isTruncated byteSize } } }");
        }

        for (var i = 0; i < read.Histories.Count; i++)
        {
            var history = read.Histories[i];
            if (history.First is < 1 or > 100)
            {
                throw new ArgumentOutOfRangeException(nameof(read), history.First, "A history page holds 1 to 100 commits.");
            }

            query.Append(" h").Append(i).Append(": history(first: ").Append(history.First);
            if (history.Path is not null)
            {
                query.Append(", path: $h").Append(i);
            }

            query.Append(") { pageInfo { hasNextPage } nodes { oid message } }");
        }

        return query.Append(" } } } } }").ToString();
    }
}
