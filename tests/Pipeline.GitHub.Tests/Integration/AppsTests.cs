using System.Security.Cryptography;
using Pipeline.GitHub.Tests.Support;
using Pipeline.Rehearsal.GitHub;

namespace Pipeline.GitHub.Tests.Integration;

public sealed class AppsTests(ServerFixture github) : IClassFixture<ServerFixture>
{
    private const long AppId = 4242;
    private const string ClientId = "Iv23liPipelineTest";
    private static readonly Lock Registration = new();
    private static readonly HashSet<object> Registered = [];

    [Fact]
    public async Task App_jwt_finds_the_installation_of_a_repository_by_app_id_and_by_client_id()
    {
        var (repository, installationId) = await InstalledRepositoryAsync();

        foreach (var issuer in new[] { AppId.ToString(System.Globalization.CultureInfo.InvariantCulture), ClientId })
        {
            using var app = GitHubApp.FromPem(issuer, new Secret(TestKeys.Pkcs1));
            using var client = github.Client(credentials: app);

            var installation = await client.Apps.GetRepositoryInstallationAsync(repository);

            installation.Id.Should().Be(installationId);
            installation.AppId.Should().Be(AppId);
            installation.Account.Login.Should().Be(ServerFixture.Owner);
        }
    }

    [Fact]
    public async Task Installation_token_scoped_to_one_repository_writes_there_and_is_refused_elsewhere()
    {
        var (repository, installationId) = await InstalledRepositoryAsync();
        var other = await github.NewRepositoryAsync();
        using var app = GitHubApp.FromPem(AppId.ToString(System.Globalization.CultureInfo.InvariantCulture), new Secret(TestKeys.Pkcs8));
        using var appClient = github.Client(credentials: app);

        var token = await appClient.Apps.CreateInstallationTokenAsync(installationId, InstallationTokenScope.For([repository.Name], new Dictionary<string, string> { ["contents"] = "write" }));
        using var client = appClient.WithCredentials(GitHubToken.Installation(token.Token));
        var written = await client.Contents.PutFileAsync(repository, FileWrite.Text("by-app.txt", "x\n", "Written by the App"));
        var elsewhere = () => client.Repositories.GetAsync(other);

        token.ExpiresAt.Should().BeCloseTo(DateTimeOffset.UtcNow.AddHours(1), TimeSpan.FromMinutes(2));
        token.Repositories.Should().Equal(repository.Name);
        token.Permissions.Should().Contain("contents", "write");
        (await github.GitAsync(repository, "rev-parse", "main")).Should().Be(written.CommitSha);
        (await elsewhere.Should().ThrowAsync<GitHubException>()).Which.StatusCode.Should().BeOneOf(System.Net.HttpStatusCode.Forbidden, System.Net.HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Installation_token_with_read_permission_cannot_write()
    {
        var (repository, installationId) = await InstalledRepositoryAsync();
        using var app = GitHubApp.FromPem(ClientId, new Secret(TestKeys.Pkcs1));
        using var appClient = github.Client(credentials: app);
        var token = await appClient.Apps.CreateInstallationTokenAsync(installationId, new InstallationTokenScope { Permissions = new Dictionary<string, string> { ["contents"] = "read" } });
        using var client = appClient.WithCredentials(GitHubToken.Installation(token.Token));

        var act = () => client.Contents.PutFileAsync(repository, FileWrite.Text("x.txt", "x\n", "m"));

        await act.Should().ThrowAsync<GitHubForbiddenException>();
    }

    [Fact]
    public async Task Revoked_token_is_refused_as_bad_credentials_naming_the_fix_for_installation_tokens()
    {
        var (repository, installationId) = await InstalledRepositoryAsync();
        using var app = GitHubApp.FromPem(ClientId, new Secret(TestKeys.Pkcs1));
        using var appClient = github.Client(credentials: app);
        var token = await appClient.Apps.CreateInstallationTokenAsync(installationId);
        using var client = appClient.WithCredentials(GitHubToken.Installation(token.Token));
        await client.Repositories.GetAsync(repository);

        await appClient.Apps.RevokeInstallationTokenAsync(token.Token);
        var act = () => client.Repositories.GetAsync(repository);

        var error = (await act.Should().ThrowAsync<GitHubAuthenticationException>()).Which;
        error.CredentialKind.Should().Be(GitHubCredentialKind.InstallationToken);
        error.Message.Should().Contain("InstallationTokenProvider");
    }

    [Fact]
    public async Task Token_provider_mints_a_new_token_before_the_old_one_expires_on_a_server_sharing_its_clock()
    {
        var clock = new FastForwardTimeProvider();
        await using var server = await LocalGitHubServer.StartAsync(new LocalGitHubServerOptions { TimeProvider = clock });
        server.RegisterApp(AppId, ClientId, TestKeys.PublicKey, "pipeline-promoter");
        await server.CreateRepositoryAsync(ServerFixture.Owner, "gitops");
        var repository = new RepositoryId(ServerFixture.Owner, "gitops");
        var installationId = server.InstallApp(AppId, ServerFixture.Owner, [repository.Name]);
        var endpoint = GitHubEndpoint.FromApiUrl(server.ApiUrl);
        using var app = GitHubApp.FromPem(ClientId, new Secret(TestKeys.Pkcs1), clock);
        using var appClient = new GitHubClient(new GitHubClientOptions(endpoint, app) { TimeProvider = clock });
        using var provider = await InstallationTokenProvider.ForRepositoryAsync(appClient.Apps, repository, InstallationTokenScope.For([repository.Name]), clock);
        using var client = appClient.WithCredentials(provider);

        await client.Repositories.GetAsync(repository);
        var first = await provider.GetInstallationTokenAsync();
        clock.Advance(TimeSpan.FromMinutes(50));
        await client.Repositories.GetAsync(repository);
        var stillFirst = await provider.GetInstallationTokenAsync();
        clock.Advance(TimeSpan.FromMinutes(6));
        await client.Repositories.GetAsync(repository);
        var second = await provider.GetInstallationTokenAsync();
        clock.Advance(TimeSpan.FromMinutes(10));
        var expired = () => appClient.WithCredentials(GitHubToken.Installation(first.Token)).Repositories.GetAsync(repository);

        provider.InstallationId.Should().Be(installationId);
        stillFirst.Token.Should().Be(first.Token);
        second.Token.Should().NotBe(first.Token);
        second.ExpiresAt.Should().BeAfter(first.ExpiresAt);
        server.RequestLog.Count(r => r.Path == $"/app/installations/{installationId}/access_tokens").Should().Be(2);
        await client.Repositories.GetAsync(repository);
        await expired.Should().ThrowAsync<GitHubAuthenticationException>();
    }

    [Fact]
    public async Task Jwt_signed_with_another_key_is_bad_credentials_for_an_app()
    {
        var (repository, _) = await InstalledRepositoryAsync();
        using var otherKey = RSA.Create(2048);
        using var app = GitHubApp.FromPem(ClientId, new Secret(otherKey.ExportPkcs8PrivateKeyPem()));
        using var client = github.Client(credentials: app);

        var act = () => client.Apps.GetRepositoryInstallationAsync(repository);

        var error = (await act.Should().ThrowAsync<GitHubAuthenticationException>()).Which;
        error.CredentialKind.Should().Be(GitHubCredentialKind.AppJwt);
        error.Message.Should().Contain("private key belongs to the App");
    }

    [Fact]
    public async Task Apps_calls_with_a_personal_token_fail_before_sending_saying_to_use_the_app()
    {
        var repository = await github.NewRepositoryAsync();
        using var client = github.Client();

        var act = () => client.Apps.GetRepositoryInstallationAsync(repository);

        (await act.Should().ThrowAsync<GitHubException>()).Which.Message.Should().Contain("GitHubApp as credentials");
        github.RequestsFor(repository).Should().BeEmpty();
    }

    [Fact]
    public async Task Neither_the_jwt_nor_installation_tokens_reach_a_log_line_or_an_exception()
    {
        var (repository, installationId) = await InstalledRepositoryAsync();
        var logger = new ListLogger();
        using var app = GitHubApp.FromPem(ClientId, new Secret(TestKeys.Pkcs1));
        using var appClient = github.Client(logger, credentials: app);
        using var provider = new InstallationTokenProvider(appClient.Apps, installationId);
        using var client = appClient.WithCredentials(provider);
        var errors = new List<Exception>();

        await client.Contents.PutFileAsync(repository, FileWrite.Text("a.txt", "a\n", "m"));
        try
        {
            await client.Contents.PutFileAsync(repository, FileWrite.Text("a.txt", "b\n", "m"));
        }
        catch (GitHubException e)
        {
            errors.Add(e);
        }

        var token = await provider.GetTokenAsync();
        await provider.RevokeAsync();
        var jwt = await app.GetTokenAsync();
        errors.Should().ContainSingle();
        logger.Lines.Should().Contain(l => l.Contains("Minted an installation token", StringComparison.Ordinal));
        logger.Lines.Concat(errors.Select(e => e.ToString()))
            .Should().NotContain(line => token.IsContainedIn(line) || jwt.IsContainedIn(line));
    }

    [Fact]
    public async Task Revoke_revokes_every_token_the_provider_minted_and_skips_an_expired_one_without_a_request()
    {
        var clock = new FastForwardTimeProvider();
        await using var server = await LocalGitHubServer.StartAsync(new LocalGitHubServerOptions { TimeProvider = clock });
        server.RegisterApp(AppId, ClientId, TestKeys.PublicKey, "pipeline-promoter");
        await server.CreateRepositoryAsync(ServerFixture.Owner, "gitops");
        var repository = new RepositoryId(ServerFixture.Owner, "gitops");
        server.InstallApp(AppId, ServerFixture.Owner, [repository.Name]);
        using var app = GitHubApp.FromPem(ClientId, new Secret(TestKeys.Pkcs1), clock);
        using var appClient = new GitHubClient(new GitHubClientOptions(GitHubEndpoint.FromApiUrl(server.ApiUrl), app) { TimeProvider = clock });
        using var provider = await InstallationTokenProvider.ForRepositoryAsync(appClient.Apps, repository, timeProvider: clock);
        var first = await provider.GetInstallationTokenAsync();
        clock.Advance(TimeSpan.FromMinutes(56));
        var renewed = await provider.GetInstallationTokenAsync();

        var both = await provider.RevokeAsync();
        var again = await provider.GetInstallationTokenAsync();
        clock.Advance(TimeSpan.FromMinutes(61));
        var expired = await provider.RevokeAsync();

        renewed.Token.Should().NotBe(first.Token, "a token expiring within 5 minutes is replaced");
        both.Should().Be(new TokenRevocation(2, 0));
        expired.Should().Be(new TokenRevocation(0, 1));
        server.RequestLog.Count(r => r.Method == "DELETE" && r.Path == "/installation/token" && r.Status == 204).Should().Be(2);
        foreach (var token in new[] { first, renewed })
        {
            var use = () => appClient.WithCredentials(GitHubToken.Installation(token.Token)).Repositories.GetAsync(repository);
            await use.Should().ThrowAsync<GitHubAuthenticationException>();
        }

        again.Token.Should().NotBe(renewed.Token);
    }

    [Fact]
    public async Task Revoke_of_a_token_GitHub_already_refuses_is_skipped_without_error()
    {
        var (_, installationId) = await InstalledRepositoryAsync();
        using var app = GitHubApp.FromPem(ClientId, new Secret(TestKeys.Pkcs1));
        using var appClient = github.Client(credentials: app);
        using var provider = new InstallationTokenProvider(appClient.Apps, installationId);
        var token = await provider.GetInstallationTokenAsync();
        await appClient.Apps.RevokeInstallationTokenAsync(token.Token);

        var revocation = await provider.RevokeAsync();

        revocation.Should().Be(new TokenRevocation(0, 1));
    }

    private async Task<(RepositoryId Repository, long InstallationId)> InstalledRepositoryAsync()
    {
        lock (Registration)
        {
            if (Registered.Add(github.Server))
            {
                github.Server.RegisterApp(AppId, ClientId, TestKeys.PublicKey, "pipeline-promoter");
            }
        }

        var repository = await github.NewRepositoryAsync();
        var installationId = github.Server.InstallApp(AppId, ServerFixture.Owner, [repository.Name]);
        return (repository, installationId);
    }
}
