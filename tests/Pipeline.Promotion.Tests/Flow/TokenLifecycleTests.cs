using Pipeline.GitHub;
using Pipeline.Promotion.Tests.Support;
using Pipeline.Rehearsal.GitHub;

namespace Pipeline.Promotion.Tests.Flow;

/// <summary>Installation tokens a promotion mints live no longer than the promotion, and none is near its end at a write.</summary>
public sealed class TokenLifecycleTests(GitOpsServer github) : IClassFixture<GitOpsServer>
{
    private const string Values = "image:\n  tag: \"1.0.0\"\n";
    private readonly Promotions _promotions = new(github);

    [Fact]
    public async Task Installation_tokens_minted_for_a_promotion_are_revoked_when_it_succeeds()
    {
        var gitops = await github.RepositoryAsync(files: new Dictionary<string, string> { ["values.yaml"] = Values });
        using var app = github.AppCredentials();
        var before = github.Server.RequestLog.Count;

        var result = (await _promotions.Promoter().PromoteAsync(_promotions.Request(gitops, Promotions.SimpleSpec(), Images.Pinned("ghcr.io/org/app", "1.1.0"), credentials: app))).Results.Single();

        result.Status.Should().Be(PromotionStatus.Committed);
        var requests = github.Server.RequestLog.Skip(before).ToList();
        var minted = requests.Count(r => r.Path.EndsWith("/access_tokens", StringComparison.Ordinal) && r.Status == 201);
        minted.Should().BeGreaterThan(0);
        requests.Count(r => r.Method == "DELETE" && r.Path == "/installation/token" && r.Status == 204).Should().Be(minted);
        requests.Last().Path.Should().Be("/installation/token", "the token is revoked after the last use");
    }

    [Fact]
    public async Task Installation_tokens_minted_for_a_promotion_are_revoked_when_it_fails()
    {
        var gitops = await github.RepositoryAsync(files: new Dictionary<string, string> { ["values.yaml"] = Values });
        using var app = github.AppCredentials();
        var before = github.Server.RequestLog.Count;
        var request = _promotions.Request(gitops, Promotions.SimpleSpec(edit: "helm: no.such.key"), Images.Pinned("ghcr.io/org/app", "1.1.0"), credentials: app);

        var act = () => _promotions.Promoter().PromoteAsync(request);

        await act.Should().ThrowAsync<Pipeline.Promotion.Edits.ManifestEditException>();
        var requests = github.Server.RequestLog.Skip(before).ToList();
        var minted = requests.Count(r => r.Path.EndsWith("/access_tokens", StringComparison.Ordinal) && r.Status == 201);
        minted.Should().BeGreaterThan(0);
        requests.Count(r => r.Method == "DELETE" && r.Path == "/installation/token" && r.Status == 204).Should().Be(minted);
    }

    [Fact]
    public async Task A_token_expiring_within_5_minutes_is_replaced_before_the_write()
    {
        var clock = new MovableClock();
        await using var server = await LocalGitHubServer.StartAsync(new LocalGitHubServerOptions { TimeProvider = clock });
        using var key = System.Security.Cryptography.RSA.Create(2048);
        server.RegisterApp(9191, "Iv23renew", key, "renewing-app");
        server.InstallApp(9191, "acme");
        var seed = Directory.CreateTempSubdirectory("promotion-renew-");
        await File.WriteAllTextAsync(Path.Combine(seed.FullName, "values.yaml"), Values);
        await server.CreateRepositoryAsync("acme", "gitops", "main", seed.FullName);
        seed.Delete(recursive: true);
        using var app = GitHubApp.FromPem("9191", new Secret(key.ExportRSAPrivateKeyPem()), clock);
        var promoter = new Promoter(new PromoterOptions
        {
            ConfigureGitHub = o => o with { TimeProvider = clock },
            InterceptWriter = writer => new AfterReadWriter(writer, (_, _) =>
            {
                clock.Advance(TimeSpan.FromMinutes(56));
                return Task.CompletedTask;
            }),
        });
        var request = new PromotionRequest(PromotionTarget.GitHub(new RepositoryId("acme", "gitops"), GitHubEndpoint.FromApiUrl(server.ApiUrl)), Images.Pinned("ghcr.io/org/app", "1.1.0"))
        {
            Spec = Promotions.SimpleSpec(),
            Credentials = app,
        };

        var result = (await promoter.PromoteAsync(request)).Results.Single();

        result.Status.Should().Be(PromotionStatus.Committed);
        var log = server.RequestLog.ToList();
        var write = log.FindIndex(r => r.Path == "/graphql" && r.At >= log.First(m => m.Path.EndsWith("/access_tokens", StringComparison.Ordinal)).At.AddMinutes(50));
        log.Take(write).Count(r => r.Path.EndsWith("/access_tokens", StringComparison.Ordinal)).Should().Be(2, "the token minted before the read expired within 5 minutes of the write");
        log.Count(r => r.Method == "DELETE" && r.Path == "/installation/token" && r.Status == 204).Should().Be(2);
    }

    /// <summary>Real time, moved forward on demand; server and client share it.</summary>
    private sealed class MovableClock : TimeProvider
    {
        private long _offsetTicks;

        public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));
    }
}
