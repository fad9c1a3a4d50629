using Pipeline.GitHub.GraphQL;

namespace Pipeline.GitHub.Tests.Requests;

public sealed class GraphQLQueryTests
{
    [Fact]
    public void Read_query_reads_each_path_through_an_alias_at_the_head_commit()
    {
        var query = GraphQLQueries.ReadFiles(new BranchRead("main", ["a.yaml", "b.yaml"]));

        query.Should().StartWith("query ReadFiles($owner: String!, $name: String!, $ref: String!, $p0: String!, $p1: String!)");
        query.Should().Contain("ref(qualifiedName: $ref) { name target { oid ... on Commit { tree { oid }");
        query.Should().Contain("f0: file(path: $p0)").And.Contain("f1: file(path: $p1)");
        query.Count(c => c == '{').Should().Be(query.Count(c => c == '}'));
    }

    [Fact]
    public void Read_query_for_no_paths_reads_only_the_head_and_its_tree()
    {
        var query = GraphQLQueries.ReadFiles(new BranchRead("main", []));

        query.Should().NotContain("file(").And.EndWith("name target { oid ... on Commit { tree { oid } } } } } }");
        query.Count(c => c == '{').Should().Be(query.Count(c => c == '}'));
    }

    [Fact]
    public void Read_query_without_a_branch_reads_the_default_branch_and_its_name()
    {
        var query = GraphQLQueries.ReadFiles(new BranchRead(null, ["promotion.yaml"]));

        query.Should().StartWith("query ReadFiles($owner: String!, $name: String!, $p0: String!)");
        query.Should().Contain("defaultBranchRef { name target { oid").And.NotContain("$ref");
        query.Count(c => c == '{').Should().Be(query.Count(c => c == '}'));
    }

    [Fact]
    public void Read_query_lists_each_history_at_the_head_through_an_alias()
    {
        var query = GraphQLQueries.ReadFiles(new BranchRead("main", ["a/values.yaml"]) { Histories = [new("a", 50), new(null, 1)] });

        query.Should().Contain("$h0: String!").And.NotContain("$h1");
        query.Should().Contain("h0: history(first: 50, path: $h0) { pageInfo { hasNextPage } nodes { oid message } }");
        query.Should().Contain("h1: history(first: 1) {");
        query.Count(c => c == '{').Should().Be(query.Count(c => c == '}'));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Read_query_refuses_a_history_page_github_would_refuse(int first)
    {
        var build = () => GraphQLQueries.ReadFiles(new BranchRead("main", []) { Histories = [new("a", first)] });

        build.Should().Throw<ArgumentOutOfRangeException>();
    }
}
