namespace Pipeline.GitHub.Tests;

public sealed class EndpointTests
{
    [Fact]
    public void GitHub_com_serves_rest_at_api_github_com_and_graphql_below_it()
    {
        GitHubEndpoint.GitHubCom.Api.Should().Be(new Uri("https://api.github.com/"));
        GitHubEndpoint.GitHubCom.GraphQL.Should().Be(new Uri("https://api.github.com/graphql"));
        GitHubEndpoint.FromApiUrl(new Uri("https://api.github.com")).Should().Be(GitHubEndpoint.GitHubCom);
    }

    [Fact]
    public void Enterprise_serves_rest_at_api_v3_and_graphql_at_api_graphql()
    {
        var endpoint = GitHubEndpoint.Enterprise("ghe.example.com");

        endpoint.Api.Should().Be(new Uri("https://ghe.example.com/api/v3/"));
        endpoint.GraphQL.Should().Be(new Uri("https://ghe.example.com/api/graphql"));
        GitHubEndpoint.FromApiUrl(new Uri("https://ghe.example.com/api/v3")).Should().Be(endpoint);
    }

    [Fact]
    public void Any_other_base_serves_graphql_below_the_rest_base()
    {
        var endpoint = GitHubEndpoint.FromApiUrl(new Uri("http://127.0.0.1:5123/prefix"));

        endpoint.Api.Should().Be(new Uri("http://127.0.0.1:5123/prefix/"));
        endpoint.GraphQL.Should().Be(new Uri("http://127.0.0.1:5123/prefix/graphql"));
    }

    [Theory]
    [InlineData("octo-org/gitops", "octo-org", "gitops")]
    [InlineData(" a/b ", "a", "b")]
    public void Repository_ids_parse_owner_slash_name(string text, string owner, string name)
    {
        var id = RepositoryId.Parse(text);

        id.Should().Be(new RepositoryId(owner, name));
        id.ToString().Should().Be($"{owner}/{name}");
    }

    [Theory]
    [InlineData("gitops")]
    [InlineData("a/b/c")]
    [InlineData("/b")]
    public void Malformed_repository_ids_are_refused_with_an_example(string text)
    {
        var act = () => RepositoryId.Parse(text);

        act.Should().Throw<FormatException>().WithMessage("*owner/name*");
    }
}
