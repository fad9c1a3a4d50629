using Pipeline.GitHub.Tests.Support;
using Pipeline.Rehearsal.GitHub.Faults;

namespace Pipeline.GitHub.Tests.Integration;

public sealed class RetryTests(ServerFixture github) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Read_is_retried_after_502_with_doubling_backoff_until_it_succeeds()
    {
        var repository = await github.NewRepositoryAsync();
        var clock = new FastForwardTimeProvider();
        using var client = github.Client(time: clock);
        github.Server.Faults.FailNext("GET", $"/repos/{repository}", 502, times: 2);

        var found = await client.Repositories.GetAsync(repository);

        found.DefaultBranch.Should().Be("main");
        github.RequestsFor(repository).Where(r => r.Method == "GET").Select(r => r.Status).Should().Equal(502, 502, 200);
        clock.Delays.Should().Equal(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Secondary_rate_limit_on_a_create_is_retried_after_Retry_After()
    {
        var repository = await github.NewRepositoryAsync();
        var clock = new FastForwardTimeProvider();
        using var client = github.Client(time: clock);
        var head = (await client.Git.GetRefAsync(repository, "heads/main")).Object.Sha;
        github.Server.Faults.RateLimitNext("POST", $"/repos/{repository}/git/refs", TimeSpan.FromSeconds(7));

        var created = await client.Git.CreateRefAsync(repository, "heads/topic", head);

        created.Object.Sha.Should().Be(head);
        github.RequestsFor(repository).Where(r => r.Method == "POST").Select(r => r.Status).Should().Equal(429, 201);
        clock.Delays.Should().Equal(TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task Create_is_not_retried_after_a_server_error_since_it_may_have_happened()
    {
        var repository = await github.NewRepositoryAsync();
        var clock = new FastForwardTimeProvider();
        using var client = github.Client(time: clock);
        var head = (await client.Git.GetRefAsync(repository, "heads/main")).Object.Sha;
        github.Server.Faults.FailNext("POST", $"/repos/{repository}/git/refs", 503);

        var act = () => client.Git.CreateRefAsync(repository, "heads/topic", head);

        (await act.Should().ThrowAsync<GitHubServerException>()).Which.Message.Should().Contain("not retried");
        github.RequestsFor(repository).Count(r => r.Method == "POST").Should().Be(1);
        clock.Delays.Should().BeEmpty();
    }

    [Fact]
    public async Task Primary_rate_limit_is_waited_out_until_x_ratelimit_reset()
    {
        var repository = await github.NewRepositoryAsync();
        var clock = new FastForwardTimeProvider();
        using var client = github.Client(time: clock, retry: GitHubClientOptions.DefaultRetry with { MaxDelay = TimeSpan.FromMinutes(5) });
        github.Server.Faults.Add(new Fault("GET", $"/repos/{repository}/branches/main") { Status = 403, ExhaustRateLimit = true, Message = "API rate limit exceeded for user." });

        var branch = await client.Repositories.GetBranchAsync(repository, "main");

        branch.Name.Should().Be("main");
        TimeSpan.FromTicks(clock.Delays.Sum(d => d.Ticks)).Should().BeCloseTo(TimeSpan.FromSeconds(61), TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Rate_limit_resetting_later_than_allowed_fails_at_once_with_the_reset_time()
    {
        var repository = await github.NewRepositoryAsync();
        var clock = new FastForwardTimeProvider();
        using var client = github.Client(time: clock);
        github.Server.Faults.Add(new Fault("GET", $"/repos/{repository}") { Status = 403, ExhaustRateLimit = true, RetryAfter = TimeSpan.FromMinutes(30) });

        var act = () => client.Repositories.GetAsync(repository);

        var limit = (await act.Should().ThrowAsync<GitHubRateLimitException>()).Which;
        limit.Kind.Should().Be(GitHubRateLimitKind.Primary);
        limit.ResetsAt.Should().BeCloseTo(DateTimeOffset.UtcNow.AddMinutes(30), TimeSpan.FromMinutes(1));
        limit.Message.Should().Contain("Retry.MaxDelay");
        github.RequestsFor(repository).Should().ContainSingle();
        clock.Delays.Should().BeEmpty();
    }

    [Fact]
    public async Task Retries_are_bounded_and_the_last_failure_is_reported()
    {
        var repository = await github.NewRepositoryAsync();
        using var client = github.Client(retry: GitHubClientOptions.DefaultRetry with { MaxAttempts = 3 });
        github.Server.Faults.FailNext("GET", $"/repos/{repository}", 500, times: 5);

        var act = () => client.Repositories.GetAsync(repository);

        (await act.Should().ThrowAsync<GitHubServerException>()).Which.Message.Should().Contain("after 3 attempt(s)");
        github.RequestsFor(repository).Should().HaveCount(3);
        github.Server.Faults.Clear();
    }

    [Fact]
    public async Task Slow_answer_to_a_read_is_abandoned_after_the_attempt_timeout_and_retried()
    {
        var repository = await github.NewRepositoryAsync();
        var logger = new ListLogger();
        using var client = github.Client(logger, TimeProvider.System, GitHubClientOptions.DefaultRetry with { BaseDelay = TimeSpan.FromMilliseconds(10) }, attemptTimeout: TimeSpan.FromMilliseconds(300));
        github.Server.Faults.DelayNext("GET", $"/repos/{repository}", TimeSpan.FromSeconds(2));

        var found = await client.Repositories.GetAsync(repository);

        found.Name.Should().Be(repository.Name);
        logger.Lines.Should().Contain(line => line.Contains("retrying", StringComparison.Ordinal) && line.Contains("no answer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Injected_conflict_on_a_contents_write_is_a_stale_sha_and_not_retried()
    {
        var repository = await github.NewRepositoryAsync(new Dictionary<string, string> { ["v.yaml"] = "a\n" });
        using var client = github.Client();
        var file = await client.Contents.GetFileAsync(repository, "v.yaml");
        github.Server.Faults.FailNext("PUT", $"/repos/{repository}/contents/v.yaml", 409, message: "v.yaml does not match " + file.Sha);

        var act = () => client.Contents.PutFileAsync(repository, FileWrite.Text("v.yaml", "b\n", "m") with { Sha = file.Sha });

        await act.Should().ThrowAsync<StaleContentShaException>();
        github.RequestsFor(repository).Count(r => r.Method == "PUT").Should().Be(1);
    }

    [Fact]
    public async Task Content_addressed_blob_post_is_retried_after_502_since_repeating_it_stores_the_same_object()
    {
        var repository = await github.NewRepositoryAsync();
        using var client = github.Client();
        github.Server.Faults.FailNext("POST", $"/repos/{repository}/git/blobs", 502);

        var blob = await client.Git.CreateBlobAsync(repository, "same bytes\n"u8.ToArray());

        (await github.GitAsync(repository, "cat-file", "-p", blob.Sha)).Should().Be("same bytes");
        github.RequestsFor(repository).Where(r => r.Method == "POST").Select(r => r.Status).Should().Equal(502, 201);
    }

    [Fact]
    public async Task Caller_cancellation_is_neither_retried_nor_wrapped()
    {
        var repository = await github.NewRepositoryAsync();
        using var client = github.Client(time: TimeProvider.System);
        github.Server.Faults.DelayNext("GET", $"/repos/{repository}", TimeSpan.FromSeconds(2));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var act = () => client.Repositories.GetAsync(repository, cancel.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        github.Server.Faults.Pending.Should().Be(0);
    }
}
