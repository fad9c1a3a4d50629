using Pipeline.Rehearsal.Tests.GitHub.Support;

namespace Pipeline.Rehearsal.Tests.GitHub.Protocol;

/// <summary>GraphQL documents are read to the spec (GraphQL-Parser): block strings, and errors with their place.</summary>
public sealed class GraphQLSyntaxTests
{
    [Fact]
    public async Task A_syntax_error_is_reported_with_its_line_and_column()
    {
        await using var f = await GitHubFixture.StartAsync();

        var response = await f.Api.PostAsync("graphql", new { query = "query {\n  repository(owner: \"acme\" name: ) { id }\n}" });

        var error = response.Body["errors"]![0]!;
        error["message"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        error["locations"]![0]!["line"]!.GetValue<int>().Should().Be(2);
        error["locations"]![0]!["column"]!.GetValue<int>().Should().Be(34, "the unexpected \")\" is there");
        response.Body["data"].Should().BeNull();
    }

    [Fact]
    public async Task Block_strings_and_unicode_escapes_are_read_as_the_spec_says()
    {
        await using var f = await GitHubFixture.StartAsync();

        var response = await f.Api.PostAsync("graphql", new
        {
            query = "{ a: repository(owner: \"\"\"\n    acme\n  \"\"\", name: \"git\\u006Fps\") { name } }",
        });

        response.Body["data"]!["a"]!["name"]!.GetValue<string>().Should().Be("gitops");
    }
}
