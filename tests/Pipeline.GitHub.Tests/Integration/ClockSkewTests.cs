using Pipeline.GitHub.Tests.Support;
using Pipeline.Rehearsal.GitHub;

namespace Pipeline.GitHub.Tests.Integration;

/// <summary>
/// An App JWT is dated by this machine's clock; GitHub refuses one dated in its future or expired by its clock. A
/// clock more than 60 s off GitHub's <c>Date</c> header is corrected, and the refused request sent once more.
/// </summary>
public sealed class ClockSkewTests(ServerFixture github) : IClassFixture<ServerFixture>
{
    private const long AppId = 5151;
    private const string ClientId = "Iv23liClockSkew";
    private static readonly Lock Registration = new();
    private static readonly HashSet<object> Registered = [];

    [Theory]
    [InlineData(5)]
    [InlineData(-11)]
    public async Task An_app_jwt_from_a_clock_minutes_off_is_dated_by_GitHubs_Date_header_and_the_refused_request_succeeds(int minutesOff)
    {
        var repository = await InstalledRepositoryAsync();
        var log = new ListLogger();
        var skewed = new FastForwardTimeProvider(DateTimeOffset.UtcNow.AddMinutes(minutesOff));
        using var app = GitHubApp.FromPem(ClientId, new Secret(TestKeys.Pkcs1), skewed);
        using var client = github.Client(log, credentials: app);

        var installation = await client.Apps.GetRepositoryInstallationAsync(repository);

        installation.AppId.Should().Be(AppId);
        github.RequestsFor(repository).Select(r => r.Status).Should().Equal(401, 200);
        app.ClockOffset.Should().BeCloseTo(TimeSpan.FromMinutes(-minutesOff), TimeSpan.FromSeconds(5));
        log.Lines.Should().Contain(l => l.Contains("clock is", StringComparison.Ordinal) && l.Contains("off GitHub's", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_clock_within_60_s_of_GitHubs_is_left_alone()
    {
        var repository = await InstalledRepositoryAsync();
        var skewed = new FastForwardTimeProvider(DateTimeOffset.UtcNow.AddSeconds(30));
        using var app = GitHubApp.FromPem(ClientId, new Secret(TestKeys.Pkcs1), skewed);
        using var client = github.Client(credentials: app);

        await client.Apps.GetRepositoryInstallationAsync(repository);

        app.ClockOffset.Should().Be(TimeSpan.Zero);
        github.RequestsFor(repository).Select(r => r.Status).Should().Equal(200);
    }

    private async Task<RepositoryId> InstalledRepositoryAsync()
    {
        lock (Registration)
        {
            if (Registered.Add(github.Server))
            {
                github.Server.RegisterApp(AppId, ClientId, TestKeys.PublicKey, "clock-skew");
            }
        }

        var repository = await github.NewRepositoryAsync();
        github.Server.InstallApp(AppId, ServerFixture.Owner, [repository.Name]);
        return repository;
    }
}
