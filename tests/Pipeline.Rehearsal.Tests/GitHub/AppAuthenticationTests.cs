using System.Security.Cryptography;
using Pipeline.Rehearsal.GitHub;
using Pipeline.Rehearsal.Tests.GitHub.Support;

namespace Pipeline.Rehearsal.Tests.GitHub;

public sealed class AppAuthenticationTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly RSA _key = RSA.Create(2048);
    private readonly ManualClock _clock = new(Start);

    [Fact]
    public async Task Valid_jwt_by_app_id_or_client_id_reads_the_repository_installation()
    {
        await using var f = await StartAsync();
        f.Server.InstallApp(77, "acme");
        foreach (var issuer in new object[] { 77L, "Iv23test" })
        {
            using var api = new ApiClient(f.Server.ApiUrl, TestJwt.Create(_key, issuer, Start.AddSeconds(-60), Start.AddMinutes(9)), "Bearer");

            var installation = await api.GetAsync("repos/acme/gitops/installation");

            installation.Status.Should().Be(200, installation.Text);
            installation.Body["app_slug"]!.GetValue<string>().Should().Be("promoter");
        }
    }

    [Theory]
    [InlineData(-60, 11 * 60, "'Expiration time' claim ('exp') is too far in the future")]
    [InlineData(30, 9 * 60, "'Issued at' claim ('iat') must be an Integer representing a time in the past")]
    [InlineData(-600, -1, "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires")]
    public async Task Jwt_with_bad_times_is_rejected_with_GitHubs_message(int iatOffset, int expOffset, string message)
    {
        await using var f = await StartAsync();
        using var api = new ApiClient(f.Server.ApiUrl,
            TestJwt.Create(_key, 77L, Start.AddSeconds(iatOffset), Start.AddSeconds(expOffset)), "Bearer");

        var response = await api.GetAsync("app");

        response.Status.Should().Be(401);
        response.Message.Should().Be(message);
    }

    [Fact]
    public async Task Jwt_signed_with_another_key_or_unknown_issuer_or_other_algorithm_cannot_be_decoded()
    {
        await using var f = await StartAsync();
        using var otherKey = RSA.Create(2048);
        var tokens = new[]
        {
            TestJwt.Valid(otherKey, 77, Start),
            TestJwt.Valid(_key, 78, Start),
            TestJwt.Create(_key, 77L, Start.AddSeconds(-60), Start.AddMinutes(9), algorithm: "RS512"),
        };

        foreach (var token in tokens)
        {
            using var api = new ApiClient(f.Server.ApiUrl, token, "Bearer");
            var response = await api.GetAsync("app");
            response.Status.Should().Be(401);
            response.Message.Should().Be("A JSON web token could not be decoded");
        }
    }

    [Fact]
    public async Task Installation_token_works_until_it_expires_an_hour_later()
    {
        await using var f = await StartAsync();
        var token = await InstallationTokenAsync(f, new { });
        using var api = new ApiClient(f.Server.ApiUrl, token);
        (await api.GetAsync("repos/acme/gitops")).Status.Should().Be(200);

        _clock.Advance(TimeSpan.FromMinutes(61));
        var expired = await api.GetAsync("repos/acme/gitops");

        expired.Status.Should().Be(401);
        expired.Message.Should().Be("Bad credentials");
    }

    [Fact]
    public async Task Installation_token_scoped_to_one_repository_and_read_permission_is_refused_elsewhere()
    {
        await using var f = await StartAsync();
        await f.Server.CreateRepositoryAsync("acme", "other");
        var token = await InstallationTokenAsync(f, new { repositories = new[] { "gitops" }, permissions = new { contents = "read" } });
        using var api = new ApiClient(f.Server.ApiUrl, token);

        (await api.GetAsync("repos/acme/gitops/contents/README.md")).Status.Should().Be(200);
        var otherRepository = await api.GetAsync("repos/acme/other");
        var write = await api.PostAsync("repos/acme/gitops/git/blobs", new { content = "x" });

        otherRepository.Status.Should().Be(403);
        otherRepository.Message.Should().Be("Resource not accessible by integration");
        write.Status.Should().Be(403);
        write.Message.Should().Be("Resource not accessible by integration");
    }

    [Fact]
    public async Task Token_request_beyond_the_installation_is_422()
    {
        await using var f = await StartAsync();
        using var app = new ApiClient(f.Server.ApiUrl, TestJwt.Valid(_key, 77, Start), "Bearer");
        var id = f.Server.InstallApp(77, "acme", ["gitops"], new Dictionary<string, string> { ["contents"] = "read" });

        var tooMuch = await app.PostAsync($"app/installations/{id}/access_tokens", new { permissions = new { contents = "write" } });
        var elsewhere = await app.PostAsync($"app/installations/{id}/access_tokens", new { repositories = new[] { "secret" } });

        tooMuch.Status.Should().Be(422);
        tooMuch.Message.Should().Be("The permissions requested are not granted to this installation.");
        elsewhere.Status.Should().Be(422);
        elsewhere.Message.Should().Contain("not accessible to the parent installation");
    }

    [Fact]
    public async Task Revoked_installation_token_and_unknown_tokens_get_bad_credentials()
    {
        await using var f = await StartAsync();
        var token = await InstallationTokenAsync(f, new { });
        using var api = new ApiClient(f.Server.ApiUrl, token);

        (await api.DeleteAsync("installation/token")).Status.Should().Be(204);
        var revoked = await api.GetAsync("repos/acme/gitops");
        using var unknown = new ApiClient(f.Server.ApiUrl, "ghp_" + new string('a', 36));
        var bad = await unknown.GetAsync("repos/acme/gitops");

        revoked.Status.Should().Be(401);
        bad.Status.Should().Be(401);
        bad.Message.Should().Be("Bad credentials");
    }

    [Fact]
    public async Task Fine_grained_personal_token_reaches_only_its_repositories()
    {
        await using var f = await StartAsync();
        await f.Server.CreateRepositoryAsync("acme", "other");
        var token = f.Server.IssuePersonalToken("octocat", new PersonalTokenOptions { FineGrained = true, Repositories = ["acme/gitops"] });
        using var api = new ApiClient(f.Server.ApiUrl, token);

        token.Should().StartWith("github_pat_");
        (await api.GetAsync("repos/acme/gitops")).Status.Should().Be(200);
        var other = await api.GetAsync("repos/acme/other");
        other.Status.Should().Be(403);
        other.Message.Should().Be("Resource not accessible by personal access token");
    }

    [Fact]
    public async Task Anonymous_requests_do_not_see_private_repositories()
    {
        await using var f = await StartAsync();
        using var api = new ApiClient(f.Server.ApiUrl);

        (await api.GetAsync("repos/acme/gitops")).Status.Should().Be(404);
        (await api.GetAsync("user")).Status.Should().Be(401);
    }

    public void Dispose() => _key.Dispose();

    private async Task<GitHubFixture> StartAsync()
    {
        var f = await GitHubFixture.StartAsync(new LocalGitHubServerOptions { TimeProvider = _clock });
        f.Server.RegisterApp(77, "Iv23test", _key.ExportSubjectPublicKeyInfoPem(), "promoter");
        return f;
    }

    private async Task<string> InstallationTokenAsync(GitHubFixture f, object body)
    {
        var id = f.Server.InstallApp(77, "acme");
        using var app = new ApiClient(f.Server.ApiUrl, TestJwt.Valid(_key, 77, Start), "Bearer");
        var response = await app.PostAsync($"app/installations/{id}/access_tokens", body);
        response.Status.Should().Be(201, response.Text);
        response["token"].Should().StartWith("ghs_");
        return response["token"];
    }
}
