using Pipeline.GitHub.GraphQL;

namespace Pipeline.GitHub.Tests.Requests;

public sealed class GraphQLQueryTests
{
    [Fact]
    public void Read_query_reads_each_path_through_an_alias_at_the_head_commit()
    {
        var query = GraphQLQueries.ReadFiles(2);

        query.Should().StartWith("query ReadFiles($owner: String!, $name: String!, $ref: String!, $p0: String!, $p1: String!)");
        query.Should().Contain("ref(qualifiedName: $ref) { target { oid ... on Commit { tree { oid }");
        query.Should().Contain("f0: file(path: $p0)").And.Contain("f1: file(path: $p1)");
        query.Count(c => c == '{').Should().Be(query.Count(c => c == '}'));
    }

    [Fact]
    public void Read_query_for_no_paths_reads_only_the_head_and_its_tree()
    {
        var query = GraphQLQueries.ReadFiles(0);

        query.Should().NotContain("file(").And.EndWith("target { oid ... on Commit { tree { oid } } } } } }");
        query.Count(c => c == '{').Should().Be(query.Count(c => c == '}'));
    }
}
