using System.Text;
using System.Text.Json.Nodes;
using Pipeline.Rehearsal.GitHub;
using Pipeline.Rehearsal.Tests.GitHub.Support;

namespace Pipeline.Rehearsal.Tests.GitHub.Contract;

/// <summary>
/// The GraphQL documents the tests send are valid against GitHub's published schema (@octokit/graphql-schema), and the
/// server answers every one of them without errors.
/// </summary>
public sealed class GraphQLContractTests(GraphSchemaFixture schema) : IClassFixture<GraphSchemaFixture>
{
    public static TheoryData<string> Documents => new(GraphQueries.All.Select(d => d.Name));

    [Theory]
    [MemberData(nameof(Documents))]
    public void Document_is_valid_against_GitHubs_GraphQL_schema(string name)
    {
        var document = GraphQueries.All.Single(d => d.Name == name).Document;

        schema.Schema.Validate(document).Should().BeEmpty("GitHub's schema {0} must accept {1}", GraphSchema.PackageVersion, name);
    }

    [Fact]
    public void Validator_rejects_fields_and_arguments_GitHub_does_not_have()
    {
        var errors = schema.Schema.Validate("query { repository(owner: \"a\", name: \"b\", colour: 1) { defaultBranch { name } } }");

        errors.Should().BeEquivalentTo(
            "query.repository: argument 'colour' does not exist",
            "query.repository.defaultBranch: field 'defaultBranch' does not exist on Repository");
    }

    [Fact]
    public async Task Server_answers_every_document_without_errors()
    {
        await using var f = await GitHubFixture.StartAsync();
        f.Server.ProtectBranch("acme", "gitops", "main", new BranchProtection { RequirePullRequest = false, RequiredChecks = ["ci"] });
        var head = await f.HeadAsync();
        await Branches.CreateWithFileAsync(f, "promote", "README.md", "promoted\n");
        var pull = (await f.Api.PostAsync(GitHubFixture.Prefix + "/pulls", new { title = "Promote", head = "promote", @base = "main" })).Body;
        var id = pull["node_id"]!.GetValue<string>();
        var responses = new List<(string Name, JsonNode Response)>
        {
            ("ViewerAndDefaultBranch", await GraphQLTests.GraphAsync(f, GraphQueries.ViewerAndDefaultBranch, [])),
            ("ReadFilesAndHead", await GraphQLTests.GraphAsync(f, GraphQueries.ReadFilesAndHead, new JsonObject
            {
                ["owner"] = "acme", ["name"] = "gitops", ["a"] = "main:env/dev/values.yaml", ["b"] = "main:env/prod/values.yaml",
            })),
            ("FilesAtHead", await GraphQLTests.GraphAsync(f, GraphQueries.FilesAtHead, new JsonObject
            {
                ["owner"] = "acme", ["name"] = "gitops", ["ref"] = "main", ["p0"] = "README.md", ["p1"] = "env/dev/values.yaml",
            })),
            ("DefaultBranchHistory", await GraphQLTests.GraphAsync(f, GraphQueries.DefaultBranchHistory, new JsonObject
            {
                ["owner"] = "acme", ["name"] = "gitops", ["path"] = "env/dev",
            })),
            ("PullRequestsByHead", await GraphQLTests.GraphAsync(f, GraphQueries.PullRequestsByHead,
                new JsonObject { ["owner"] = "acme", ["name"] = "gitops", ["head"] = "promote" })),
            ("EnableAutoMerge", await GraphQLTests.GraphAsync(f, GraphQueries.EnableAutoMerge, new JsonObject { ["id"] = id, ["method"] = "MERGE" })),
        };
        await f.Server.SetCheckAsync("acme", "gitops", await f.HeadAsync("promote"), "ci", CheckConclusion.Success);
        responses.Add(("CreateCommitOnBranch", await GraphQLTests.GraphAsync(f, GraphQueries.CreateCommitOnBranch, new JsonObject
        {
            ["input"] = new JsonObject
            {
                ["branch"] = new JsonObject { ["repositoryNameWithOwner"] = "acme/gitops", ["branchName"] = "promote" },
                ["expectedHeadOid"] = await f.HeadAsync("promote"),
                ["message"] = new JsonObject { ["headline"] = "More" },
                ["fileChanges"] = new JsonObject
                {
                    ["additions"] = new JsonArray(new JsonObject { ["path"] = "more.txt", ["contents"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("more\n")) }),
                },
                ["clientMutationId"] = "m1",
            },
        })));
        await Branches.CreateWithFileAsync(f, "second", "second.txt", "second\n");
        var second = (await f.Api.PostAsync(GitHubFixture.Prefix + "/pulls", new { title = "Second", head = "second", @base = "main" })).Body;
        await f.Server.SetCheckAsync("acme", "gitops", await f.HeadAsync("second"), "ci", CheckConclusion.Success);
        responses.Add(("MergePullRequest", await GraphQLTests.GraphAsync(f, GraphQueries.MergePullRequest,
            new JsonObject { ["id"] = second["node_id"]!.GetValue<string>() })));

        responses.Select(r => r.Name).Should().BeEquivalentTo(GraphQueries.All.Select(d => d.Name));
        responses.Where(r => r.Response["errors"] is not null).Select(r => r.Name + ": " + r.Response["errors"]!.ToJsonString())
            .Should().BeEmpty();
        responses.Single(r => r.Name == "MergePullRequest").Response["data"]!["mergePullRequest"]!["pullRequest"]!["merged"]!
            .GetValue<bool>().Should().BeTrue();
        (await f.BareGitAsync("rev-parse", "main")).Should().NotBe(head);
    }

    [Fact]
    public async Task Server_reports_an_unknown_field_as_an_error()
    {
        await using var f = await GitHubFixture.StartAsync();

        var response = await GraphQLTests.GraphAsync(f, "query { repository(owner: \"acme\", name: \"gitops\") { colour } }", []);

        response["errors"]![0]!["message"]!.GetValue<string>().Should().Be("Field 'colour' doesn't exist on type 'Repository'");
    }
}

/// <summary>Loads GitHub's GraphQL schema once per test class.</summary>
public sealed class GraphSchemaFixture
{
    public GraphSchema Schema { get; } = new();
}
