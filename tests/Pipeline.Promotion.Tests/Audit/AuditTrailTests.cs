using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Pipeline.GitHub;
using Pipeline.Promotion.Tests.Support;

namespace Pipeline.Promotion.Tests.Audit;

/// <summary>
/// The audit trail a promotion writes (trailers in the commit, the pull request's body) read back the way GitHub reports
/// it, with the identity and signature GitHub gives each write method: REST as a user is the user's own unsigned
/// commit; REST as an App, and GraphQL for anyone, are committed and signed by GitHub.
/// </summary>
public sealed class AuditTrailTests(GitOpsServer github) : IClassFixture<GitOpsServer>
{
    private const string Values = "image:\n  tag: \"1.0.0\"\n";
    private readonly Promotions _promotions = new(github);

    public static TheoryData<WriteMethod, bool, string, string, bool> Methods => new()
    {
        { WriteMethod.Contents, false, GitOpsServer.User, GitOpsServer.User, false },
        { WriteMethod.GitData, false, GitOpsServer.User, GitOpsServer.User, false },
        { WriteMethod.GraphQL, false, GitOpsServer.User, "GitHub", true },
        { WriteMethod.Contents, true, GitOpsServer.AppSlug + "[bot]", "GitHub", true },
        { WriteMethod.GitData, true, GitOpsServer.AppSlug + "[bot]", "GitHub", true },
        { WriteMethod.GraphQL, true, GitOpsServer.AppSlug + "[bot]", "GitHub", true },
    };

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task A_promotion_commit_carries_its_trailers_as_GitHub_reports_them(WriteMethod method, bool asApp, string author,
        string committer, bool signed)
    {
        var repository = await github.RepositoryAsync(files: new Dictionary<string, string> { ["values.yaml"] = Values });
        using var app = github.AppCredentials();
        var request = _promotions.Request(repository, Promotions.SimpleSpec(), Images.Pinned("ghcr.io/org/app", "1.1.0"), method,
            asApp ? app : null);

        var result = (await _promotions.Promoter().PromoteAsync(request)).Results.Single();

        var commit = await RestCommitAsync(repository, result.CommitSha!);
        commit["commit"]!["author"]!["name"]!.GetValue<string>().Should().Be(author);
        commit["commit"]!["committer"]!["name"]!.GetValue<string>().Should().Be(committer);
        commit["commit"]!["verification"]!["verified"]!.GetValue<bool>().Should().Be(signed);
        commit["commit"]!["verification"]!["reason"]!.GetValue<string>().Should().Be(signed ? "valid" : "unsigned");
        var trailers = PromotionTrailers.Parse(commit["commit"]!["message"]!.GetValue<string>());
        trailers.Should().Be(new PromotionTrailers
        {
            PromotedImage = result.Image,
            ImageDigest = result.Image![(result.Image!.IndexOf('@', StringComparison.Ordinal) + 1)..],
            SourceRepository = "source-org/app",
            SourceCommit = request.Source!.Commit,
            Environment = "prod",
            CiRun = "https://ci.example/runs/42",
        });
    }

    [Fact]
    public async Task A_pull_request_names_what_it_promotes_and_its_commit_is_signed_by_GitHub_for_an_App()
    {
        var repository = await github.RepositoryAsync(files: new Dictionary<string, string> { ["values.yaml"] = Values });
        using var app = github.AppCredentials();
        var request = _promotions.Request(repository, Promotions.SimpleSpec("    mode: pull-request"), Images.Pinned("ghcr.io/org/app", "1.1.0"),
            WriteMethod.GitData, app);

        var result = (await _promotions.Promoter().PromoteAsync(request)).Results.Single();

        using var client = github.Client();
        var pull = await client.PullRequests.GetAsync(repository, result.PullRequestNumber!.Value);
        pull.Body.Should().Contain(result.Image!).And.Contain(request.Source!.Commit!).And.Contain("https://ci.example/runs/42");
        var commit = await RestCommitAsync(repository, result.CommitSha!);
        commit["commit"]!["committer"]!["name"]!.GetValue<string>().Should().Be("GitHub");
        commit["commit"]!["verification"]!["reason"]!.GetValue<string>().Should().Be("valid");
        PromotionTrailers.Parse(commit["commit"]!["message"]!.GetValue<string>()).PromotedImage.Should().Be(result.Image);
    }

    private async Task<JsonNode> RestCommitAsync(RepositoryId repository, string sha)
    {
        using var http = new HttpClient { BaseAddress = github.Server.ApiUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", github.UserToken.Reveal());
        http.DefaultRequestHeaders.UserAgent.ParseAdd("promotion-tests");
        return JsonNode.Parse(await http.GetStringAsync($"repos/{repository}/commits/{sha}"))!;
    }
}
