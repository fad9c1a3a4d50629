using Pipeline.GitHub;
using Pipeline.Promotion.Tests.Support;
using Pipeline.Rehearsal.GitHub;

namespace Pipeline.Promotion.Tests.Writers;

/// <summary>
/// A git URL on GitHub with a GitHub App as credentials: GitHub takes an installation token over HTTPS as the password
/// of <c>x-access-token</c> (never the App's JWT), so the promoter mints one for that repository and pushes with it.
/// </summary>
public sealed class GitAppTests(GitOpsServer github) : IClassFixture<GitOpsServer>
{
    private const string Values = "image:\n  tag: \"1.0.0\"\n";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Git_url_with_an_app_pushes_with_an_installation_token_for_that_repository(bool explicitEndpoint)
    {
        var repository = await github.RepositoryAsync(files: new Dictionary<string, string> { ["values.yaml"] = Values });
        github.Server.ProtectBranch(repository.Owner, repository.Name, "main", new BranchProtection { BypassApps = [GitOpsServer.AppSlug] });
        var url = github.Server.GitUrl(repository.Owner, repository.Name).ToString();
        var target = explicitEndpoint ? PromotionTarget.GitUrl(url, github.Endpoint) : PromotionTarget.Parse(url);
        using var app = github.AppCredentials();
        var before = github.Server.RequestLog.Count;

        var result = (await new Promoter().PromoteAsync(Request(target, app, "1.1.0"))).Results.Single();

        result.Status.Should().Be(PromotionStatus.Committed);
        result.Method.Should().Be(WriteMethod.Git);
        (await github.HeadAsync(repository)).Should().Be(result.CommitSha, "only the App may bypass the protection of main, so the push was the App's");
        (await github.ShowTextAsync(repository, "main", "values.yaml")).Should().Contain("1.1.0");
        var api = explicitEndpoint ? "/" : "/api/v3/";
        var requests = github.Server.RequestLog.Skip(before).ToList();
        requests.Should().Contain(r => r.Method == "GET" && r.Path == $"{api}repos/{repository}/installation" && r.Status == 200);
        requests.Should().Contain(r => r.Method == "POST" && r.Path.StartsWith(api + "app/installations/", StringComparison.Ordinal) && r.Path.EndsWith("/access_tokens", StringComparison.Ordinal) && r.Status == 201);
        requests.Should().Contain(r => r.Method == "POST" && r.Path == $"/{repository}.git/git-receive-pack" && r.Status == 200
            && r.Headers["Authorization"] == "Basic ***");
    }

    [Fact]
    public async Task The_same_push_with_a_user_token_is_refused_by_the_protection_the_app_bypasses()
    {
        var repository = await github.RepositoryAsync(files: new Dictionary<string, string> { ["values.yaml"] = Values });
        github.Server.ProtectBranch(repository.Owner, repository.Name, "main", new BranchProtection { BypassApps = [GitOpsServer.AppSlug] });
        var head = await github.HeadAsync(repository);

        var act = () => new Promoter().PromoteAsync(Request(PromotionTarget.GitUrl(github.Server.GitUrl(repository.Owner, repository.Name).ToString()), github.UserCredentials, "1.1.0"));

        var refused = (await act.Should().ThrowAsync<ProtectedBranchException>()).Which;
        refused.Message.Should().Contain("GH006").And.NotContain(github.UserToken.Reveal());
        (await github.HeadAsync(repository)).Should().Be(head);
    }

    [Fact]
    public async Task An_app_installed_elsewhere_is_told_to_install_it_on_the_repository_and_nothing_is_pushed()
    {
        var repository = await github.RepositoryAsync(files: new Dictionary<string, string> { ["values.yaml"] = Values }, owner: "elsewhere-org");
        var head = await github.HeadAsync(repository);
        using var app = github.AppCredentials();

        var act = () => new Promoter().PromoteAsync(Request(PromotionTarget.GitUrl(github.Server.GitUrl(repository.Owner, repository.Name).ToString()), app, "1.1.0"));

        (await act.Should().ThrowAsync<PromotionRequestException>()).Which.Message.Should()
            .Contain($"is not installed on {repository}").And.Contain("install the App on the repository");
        (await github.HeadAsync(repository)).Should().Be(head);
    }

    [Theory]
    [InlineData("file:///srv/gitops.git")]
    [InlineData("ssh://github.com/acme/gitops.git")]
    [InlineData("https://github.com/acme/gitops/extra.git")]
    public async Task An_app_cannot_push_to_a_url_that_names_no_repository_on_github(string url)
    {
        using var app = github.AppCredentials();

        var act = () => new Promoter().PromoteAsync(Request(PromotionTarget.GitUrl(url), app, "1.1.0"));

        (await act.Should().ThrowAsync<PromotionRequestException>()).WithMessage("*https://HOST/OWNER/NAME.git*");
    }

    private static PromotionRequest Request(PromotionTarget target, IGitHubCredentials credentials, string tag) => new(target, Images.Pinned("ghcr.io/org/app", tag))
    {
        Spec = Promotions.SimpleSpec(),
        Credentials = credentials,
        Source = new PromotionSource("org/app", "5555555555555555555555555555555555555555"),
    };
}
