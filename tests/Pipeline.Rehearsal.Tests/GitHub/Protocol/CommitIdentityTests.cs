using System.Text;
using Pipeline.Processes;
using Pipeline.Rehearsal.Tests.GitHub.Support;

namespace Pipeline.Rehearsal.Tests.GitHub.Protocol;

/// <summary>
/// Who a commit is by and whether it is signed, as GitHub reports it for each write method: REST as a user is
/// unsigned and committed by the user; REST as an App (no custom author or committer) and GraphQL
/// <c>createCommitOnBranch</c> are committed by GitHub (web-flow) and signed.
/// </summary>
public sealed class CommitIdentityTests
{
    private const string R = GitHubFixture.Prefix;

    [Fact]
    public async Task A_contents_write_as_a_user_is_committed_by_the_user_and_unsigned()
    {
        await using var f = await GitHubFixture.StartAsync();

        var put = await f.Api.PutAsync(R + "/contents/a.txt", new { message = "Add a", content = Base64("a\n") });

        var commit = put.Body["commit"]!;
        commit["author"]!["name"]!.GetValue<string>().Should().Be("octocat");
        commit["committer"]!["name"]!.GetValue<string>().Should().Be("octocat");
        commit["committer"]!["email"]!.GetValue<string>().Should().EndWith("+octocat@users.noreply.github.com");
        commit["verification"]!["verified"]!.GetValue<bool>().Should().BeFalse();
        commit["verification"]!["reason"]!.GetValue<string>().Should().Be("unsigned");
        commit["verification"]!["signature"].Should().BeNull();
        (await f.BareGitAsync("cat-file", "commit", "main")).Should().NotContain("gpgsig");
    }

    [Fact]
    public async Task A_contents_write_as_an_App_is_committed_by_GitHub_and_signed()
    {
        await using var f = await GitHubFixture.StartAsync();
        using var app = await AppTokens.InstallationApiAsync(f);

        var put = await app.PutAsync(R + "/contents/a.txt", new { message = "Add a", content = Base64("a\n") });

        var commit = put.Body["commit"]!;
        commit["author"]!["name"]!.GetValue<string>().Should().StartWith(AppTokens.Slug).And.EndWith("[bot]");
        commit["committer"]!["name"]!.GetValue<string>().Should().Be("GitHub");
        commit["committer"]!["email"]!.GetValue<string>().Should().Be("noreply@github.com");
        await ShouldBeSignedAsync(f, commit["sha"]!.GetValue<string>(), commit["verification"]!);
    }

    [Fact]
    public async Task A_git_data_commit_is_signed_only_for_an_App_without_custom_identities()
    {
        await using var f = await GitHubFixture.StartAsync();
        using var app = await AppTokens.InstallationApiAsync(f);
        var head = await f.HeadAsync();
        var tree = (await f.Api.GetAsync(R + "/git/commits/" + head)).Body["tree"]!["sha"]!.GetValue<string>();

        var byUser = await f.Api.PostAsync(R + "/git/commits", new { message = "u", tree, parents = new[] { head } });
        var byApp = await app.PostAsync(R + "/git/commits", new { message = "a", tree, parents = new[] { head } });
        var custom = await app.PostAsync(R + "/git/commits", new
        {
            message = "c", tree, parents = new[] { head }, author = new { name = "Someone", email = "someone@example.com" },
        });

        byUser.Body["verification"]!["reason"]!.GetValue<string>().Should().Be("unsigned");
        byUser.Body["committer"]!["name"]!.GetValue<string>().Should().Be("octocat");
        await ShouldBeSignedAsync(f, byApp["sha"], byApp.Body["verification"]!);
        custom.Body["verification"]!["reason"]!.GetValue<string>().Should().Be("unsigned");
        custom.Body["committer"]!["name"]!.GetValue<string>().Should().Be("Someone");
    }

    [Fact]
    public async Task A_GraphQL_commit_on_branch_as_a_user_is_committed_by_GitHub_and_signed()
    {
        await using var f = await GitHubFixture.StartAsync();
        var head = await f.HeadAsync();

        var result = await f.Api.PostAsync("graphql", new
        {
            query = GraphQueries.CreateCommitOnBranch,
            variables = new
            {
                input = new
                {
                    branch = new { repositoryNameWithOwner = "acme/gitops", branchName = "main" },
                    expectedHeadOid = head,
                    message = new { headline = "Add a" },
                    fileChanges = new { additions = new[] { new { path = "a.txt", contents = Base64("a\n") } } },
                },
            },
        });

        var oid = result.Body["data"]!["createCommitOnBranch"]!["commit"]!["oid"]!.GetValue<string>();
        var rest = await f.Api.GetAsync(R + "/commits/" + oid);
        rest.Body["commit"]!["author"]!["name"]!.GetValue<string>().Should().Be("octocat");
        rest.Body["commit"]!["committer"]!["name"]!.GetValue<string>().Should().Be("GitHub");
        rest.Body["committer"]!["login"]!.GetValue<string>().Should().Be("web-flow");
        await ShouldBeSignedAsync(f, oid, rest.Body["commit"]!["verification"]!);
    }

    [Fact]
    public async Task The_web_flow_signature_verifies_with_git_and_GitHubs_published_key()
    {
        await using var f = await GitHubFixture.StartAsync();
        using var app = await AppTokens.InstallationApiAsync(f);
        await app.PutAsync(R + "/contents/a.txt", new { message = "Add a", content = Base64("a\n") });
        using var home = new TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(home.Path, "web-flow.asc"), f.Server.WebFlowPublicKey);

        var environment = new Dictionary<string, string?> { ["GNUPGHOME"] = home.Path };
        await ProcessRunner.RunAsync(new ProcessRequest("gpg", ["--batch", "--import", Path.Combine(home.Path, "web-flow.asc")]) { Environment = environment });
        var verify = await ProcessRunner.RunAsync(new ProcessRequest("git", ["-C", f.Server.BareRepositoryPath("acme", "gitops"), "verify-commit", "-v", "main"]) { Environment = environment });

        verify.StandardError.Should().Contain("Good signature from \"GitHub (web-flow commit signing) <noreply@github.com>\"");
    }

    private static async Task ShouldBeSignedAsync(GitHubFixture f, string sha, System.Text.Json.Nodes.JsonNode verification)
    {
        var raw = await f.BareGitAsync("cat-file", "commit", sha);
        verification["verified"]!.GetValue<bool>().Should().BeTrue();
        verification["reason"]!.GetValue<string>().Should().Be("valid");
        var signature = verification["signature"]!.GetValue<string>();
        signature.Should().StartWith("-----BEGIN PGP SIGNATURE-----").And.EndWith("-----END PGP SIGNATURE-----\n");
        raw.Should().Contain("gpgsig -----BEGIN PGP SIGNATURE-----");
        var payload = verification["payload"]!.GetValue<string>();
        payload.Should().StartWith("tree ").And.NotContain("gpgsig");
        payload.TrimEnd('\n').Should().EndWith(raw[(raw.IndexOf("\n\n", StringComparison.Ordinal) + 2)..].TrimEnd('\n'));
        verification["verified_at"]!.GetValue<string>().Should().NotBeNullOrEmpty();
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
