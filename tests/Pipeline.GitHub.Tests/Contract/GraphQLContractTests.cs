using System.Text.Json;
using Pipeline.GitHub.GraphQL;

namespace Pipeline.GitHub.Tests.Contract;

/// <summary>The GraphQL this client sends, checked against GitHub's official schema so it cannot drift from GitHub.</summary>
public sealed class GraphQLContractTests(GraphQLContractTests.SchemaFixture fixture) : IClassFixture<GraphQLContractTests.SchemaFixture>
{
    private static readonly RepositoryId Repository = new("octo-org", "gitops");

    [Fact]
    public void Read_files_query_and_its_variables_fit_githubs_schema()
    {
        var problems = Check(GraphQLClient.ReadFilesBody(Repository, "main", ["env/prod/values.yaml", "a.yaml", "b/c.yaml"]));

        problems.Should().BeEmpty();
    }

    [Fact]
    public void Read_of_the_default_branch_with_histories_fits_githubs_schema()
    {
        var read = new BranchRead(null, ["promotion.yaml", "env/prod/values.yaml"]) { Histories = [new("env/prod", 50), new(null, 10)] };

        Check(GraphQLClient.ReadBranchBody(Repository, read)).Should().BeEmpty();
        Check(GraphQLClient.ReadBranchBody(Repository, read with { Branch = "main" })).Should().BeEmpty();
    }

    [Fact]
    public void Create_commit_on_branch_mutation_and_its_input_fit_githubs_schema()
    {
        var commit = new CommitOnBranch(Repository, "refs/heads/main", new string('a', 40), "Promote")
        {
            Body = "Digest sha256:1",
            Additions = [FileAddition.Text("env/prod/values.yaml", "tag: 2\n")],
            Deletions = ["old.yaml"],
        };

        Check(GraphQLClient.CommitBody(commit)).Should().BeEmpty();
        Check(GraphQLClient.CommitBody(commit with { Body = null, Deletions = [] })).Should().BeEmpty();
    }

    [Theory]
    [InlineData(MergeMethod.Merge)]
    [InlineData(MergeMethod.Squash)]
    [InlineData(MergeMethod.Rebase)]
    public void Enable_auto_merge_mutation_fits_githubs_schema_for_every_merge_method(MergeMethod method)
    {
        Check(GraphQLClient.AutoMergeBody(new AutoMergeRequest("PR_kwDOAbc", method))).Should().BeEmpty();
        Check(GraphQLClient.AutoMergeBody(new AutoMergeRequest("PR_kwDOAbc", method)
        {
            CommitHeadline = "Promote app to prod: 1.2.0 (#7)",
            CommitBody = "Promoted-Image: ghcr.io/org/app:1.2.0@sha256:1\nEnvironment: prod",
            ExpectedHeadOid = new string('a', 40),
        })).Should().BeEmpty();
    }

    [Fact]
    public void Validator_reports_unknown_fields_wrong_variable_types_and_bad_input()
    {
        const string query = "query Q($owner: String!, $name: Int!) { repository(owner: $owner, name: $name) { ref(qualifiedName: \"x\") { target { oid ... on Commit { files(path: \"a\") { oid } } } } } }";
        using var variables = JsonDocument.Parse("""{"owner":"o","name":"n","extra":1}""");

        var problems = new GraphQLDocumentValidator(fixture.Schema).Validate(query, variables.RootElement);

        problems.Should().Contain(p => p.Contains("has no field 'files'", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Contains("variable $name is Int! but the argument is String!", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Contains("$name: String for scalar Int", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Contains("$extra is sent but not declared", StringComparison.Ordinal));
    }

    private IReadOnlyList<string> Check(byte[] body)
    {
        using var request = JsonDocument.Parse(body);
        var query = request.RootElement.GetProperty("query").GetString()!;
        return new GraphQLDocumentValidator(fixture.Schema).Validate(query, request.RootElement.GetProperty("variables")).ToList();
    }

    public sealed class SchemaFixture
    {
        public GitHubGraphQLSchema Schema { get; } = new();
    }
}
