using Pipeline.GitHub.Tests.Support;
using Pipeline.Rehearsal.GitHub.Faults;

namespace Pipeline.GitHub.Tests.Integration;

/// <summary>Rate limits are waited out on the client's clock (a fast-forward clock here: no test really waits).</summary>
public sealed class RateLimitWaitTests(ServerFixture github) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task A_429_with_Retry_After_2_waits_at_least_2_s_before_the_retry()
    {
        var repository = await github.NewRepositoryAsync();
        var clock = new FastForwardTimeProvider();
        using var client = github.Client(time: clock);
        github.Server.Faults.RateLimitNext("GET", $"/repos/{repository}", TimeSpan.FromSeconds(2));

        await client.Repositories.GetAsync(repository);

        github.RequestsFor(repository).Select(r => r.Status).Should().Equal(429, 200);
        clock.Delays.Should().ContainSingle().Which.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task A_rate_limit_reset_14_minutes_away_is_waited_for_with_a_countdown_in_the_log()
    {
        var repository = await github.NewRepositoryAsync();
        var clock = new FastForwardTimeProvider();
        var log = new ListLogger();
        using var client = github.Client(log, clock);
        github.Server.Faults.Add(new Fault("GET", $"/repos/{repository}") { Status = 403, ExhaustRateLimit = true, RetryAfter = TimeSpan.FromMinutes(14) });

        var found = await client.Repositories.GetAsync(repository);

        found.Name.Should().Be(repository.Name);
        TimeSpan.FromTicks(clock.Delays.Sum(d => d.Ticks)).Should().Be(TimeSpan.FromMinutes(14));
        clock.Delays.Should().OnlyContain(d => d <= TimeSpan.FromMinutes(1));
        var countdown = log.Lines.Where(l => l.StartsWith("Warning: GitHub rate limit", StringComparison.Ordinal)).ToList();
        countdown.Should().HaveCount(14);
        countdown[0].Should().Contain("waiting 14:00 for the reset at");
        countdown[^1].Should().Contain("waiting 1:00");
    }

    [Fact]
    public async Task A_rate_limit_reset_16_minutes_away_fails_at_once_naming_the_reset_time()
    {
        var repository = await github.NewRepositoryAsync();
        var clock = new FastForwardTimeProvider();
        using var client = github.Client(time: clock);
        github.Server.Faults.Add(new Fault("GET", $"/repos/{repository}") { Status = 403, ExhaustRateLimit = true, RetryAfter = TimeSpan.FromMinutes(16) });

        var act = () => client.Repositories.GetAsync(repository);

        var limit = (await act.Should().ThrowAsync<GitHubRateLimitException>()).Which;
        limit.ResetsAt.Should().NotBeNull();
        limit.Message.Should().Contain("until " + limit.ResetsAt!.Value.UtcDateTime.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
        clock.Delays.Should().BeEmpty();
        github.RequestsFor(repository).Should().ContainSingle();
    }

    [Fact]
    public async Task A_secondary_rate_limit_longer_than_allowed_names_the_time_to_wait_until()
    {
        var repository = await github.NewRepositoryAsync();
        var clock = new FastForwardTimeProvider(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        using var client = github.Client(time: clock);
        github.Server.Faults.RateLimitNext("GET", $"/repos/{repository}", TimeSpan.FromMinutes(20));

        var act = () => client.Repositories.GetAsync(repository);

        (await act.Should().ThrowAsync<GitHubRateLimitException>()).Which.Message.Should().Contain("Wait at least 1200 s (until 2030-01-02 03:24:05Z)");
        clock.Delays.Should().BeEmpty();
    }
}
