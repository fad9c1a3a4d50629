using Pipeline.Rehearsal.GitHub;
using Pipeline.Rehearsal.GitHub.Faults;
using Pipeline.Rehearsal.Tests.GitHub.Support;

namespace Pipeline.Rehearsal.Tests.GitHub;

public sealed class FaultInjectionTests
{
    [Fact]
    public async Task Next_requests_to_a_route_fail_then_the_route_serves_again()
    {
        await using var f = await GitHubFixture.StartAsync();
        f.Server.Faults.FailNext("GET", "/repos/acme/gitops/git/ref/heads/*", 502, times: 2);

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await f.Api.GetAsync(GitHubFixture.Prefix + "/git/ref/heads/main")).Status);
        }

        statuses.Should().Equal(502, 502, 200);
        f.Server.Faults.Pending.Should().Be(0);
    }

    [Fact]
    public async Task Rate_limit_fault_answers_429_with_Retry_After()
    {
        await using var f = await GitHubFixture.StartAsync();
        f.Server.Faults.RateLimitNext("POST", "/graphql", TimeSpan.FromSeconds(3));

        var limited = await f.Api.PostAsync("graphql", new System.Text.Json.Nodes.JsonObject { ["query"] = GraphQueries.ViewerAndDefaultBranch }.ToJsonString());
        var served = await f.Api.PostAsync("graphql", new System.Text.Json.Nodes.JsonObject { ["query"] = GraphQueries.ViewerAndDefaultBranch }.ToJsonString());

        limited.Status.Should().Be(429);
        limited.Headers["Retry-After"].Should().Be("3");
        limited.Message.Should().Contain("secondary rate limit");
        served.Body["data"]!["viewer"]!["login"]!.GetValue<string>().Should().Be("octocat");
    }

    [Theory]
    [InlineData(409)]
    [InlineData(422)]
    [InlineData(503)]
    public async Task Fault_statuses_apply_to_writes_without_touching_the_repository(int status)
    {
        await using var f = await GitHubFixture.StartAsync();
        var head = await f.HeadAsync();
        f.Server.Faults.Add(new Fault("PATCH", "/repos/acme/gitops/git/refs/**") { Status = status, Message = "injected" });

        var response = await f.Api.PatchAsync(GitHubFixture.Prefix + "/git/refs/heads/main", new { sha = head });

        response.Status.Should().Be(status);
        response.Message.Should().Be("injected");
        (await f.HeadAsync()).Should().Be(head);
    }

    [Fact]
    public async Task Delayed_request_outlasts_a_client_timeout_and_the_next_one_is_served()
    {
        await using var f = await GitHubFixture.StartAsync();
        (await f.Api.GetAsync("repos/acme/gitops")).Status.Should().Be(200, "a first request warms the server up");
        f.Server.Faults.DelayNext("GET", "/repos/acme/gitops", TimeSpan.FromMinutes(5));
        using var impatient = new HttpClient { BaseAddress = f.Server.ApiUrl, Timeout = TimeSpan.FromMilliseconds(300) };
        impatient.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("token", f.Token);
        impatient.DefaultRequestHeaders.UserAgent.ParseAdd("rehearsal-tests");

        var timedOut = async () => await impatient.GetAsync("repos/acme/gitops");
        await timedOut.Should().ThrowAsync<TaskCanceledException>();
        using var next = await impatient.GetAsync("repos/acme/gitops");

        next.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
    }

    [Fact]
    public async Task Request_log_records_method_path_status_and_redacts_authorization()
    {
        await using var f = await GitHubFixture.StartAsync();

        await f.Api.GetAsync(GitHubFixture.Prefix + "/contents/README.md?ref=main");
        await f.Api.GetAsync(GitHubFixture.Prefix + "/contents/missing.md");

        var log = f.Server.RequestLog;
        log.Select(r => (r.Method, r.Path, r.Status)).Should().ContainInOrder(
            ("GET", "/repos/acme/gitops/contents/README.md", 200),
            ("GET", "/repos/acme/gitops/contents/missing.md", 404));
        log.Should().OnlyContain(r => r.Headers["Authorization"] == "token ***");
        log.SelectMany(r => r.Headers.Values).Should().NotContain(v => v.Contains(f.Token, StringComparison.Ordinal));
        log[0].Query.Should().Be("?ref=main");
        log.Select(r => r.RequestId).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Responses_carry_GitHubs_rate_limit_and_request_id_headers()
    {
        await using var f = await GitHubFixture.StartAsync(new LocalGitHubServerOptions { RateLimit = 2 });

        var first = await f.Api.GetAsync(GitHubFixture.Prefix);
        await f.Api.GetAsync(GitHubFixture.Prefix);
        var third = await f.Api.GetAsync(GitHubFixture.Prefix);

        first.Headers["x-ratelimit-limit"].Should().Be("2");
        first.Headers["x-ratelimit-remaining"].Should().Be("1");
        first.Headers["x-ratelimit-resource"].Should().Be("core");
        long.Parse(first.Headers["x-ratelimit-reset"], System.Globalization.CultureInfo.InvariantCulture).Should().BePositive();
        first.Headers.Should().ContainKey("x-github-request-id");
        third.Status.Should().Be(403);
        third.Message.Should().StartWith("API rate limit exceeded for user ID");
        third.Headers["x-ratelimit-remaining"].Should().Be("0");
    }
}
