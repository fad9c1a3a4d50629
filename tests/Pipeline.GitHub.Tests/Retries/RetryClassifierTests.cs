using System.Net;
using System.Text;
using Pipeline.GitHub.Http;
using Pipeline.GitHub.Retries;
using Pipeline.GitHub.Tests.Support;

namespace Pipeline.GitHub.Tests.Retries;

public sealed class RetryClassifierTests
{
    private static readonly RetryOptions Options = new() { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(60) };
    private static readonly GitHubRequest Read = new(HttpMethod.Get, "repos/o/r");
    private static readonly GitHubRequest Create = new(HttpMethod.Post, "repos/o/r/pulls");

    [Fact]
    public void Server_error_on_a_read_is_retried_with_doubling_backoff()
    {
        RetryClassifier.Classify(Read, Response(502), 0, ErrorContexts.Now, Options).Should().Be(RetryDecision.After(TimeSpan.FromSeconds(1), "502 BadGateway"));
        RetryClassifier.Classify(Read, Response(503), 2, ErrorContexts.Now, Options).Delay.Should().Be(TimeSpan.FromSeconds(4));
    }

    [Fact]
    public void Server_error_honours_retry_after()
    {
        var decision = RetryClassifier.Classify(Read, Response(503, new GitHubResponseHeaders { RetryAfter = TimeSpan.FromSeconds(7) }), 0, ErrorContexts.Now, Options);

        decision.Retry.Should().BeTrue();
        decision.Delay.Should().Be(TimeSpan.FromSeconds(7));
    }

    [Fact]
    public void Server_error_on_a_create_is_not_retried_because_github_may_have_acted()
    {
        var decision = RetryClassifier.Classify(Create, Response(502), 0, ErrorContexts.Now, Options);

        decision.Retry.Should().BeFalse();
        decision.Reason.Should().Contain("may have acted");
    }

    [Fact]
    public void Primary_rate_limit_waits_until_the_reset_even_for_a_create()
    {
        var headers = new GitHubResponseHeaders { RateLimitRemaining = 0, RateLimitReset = ErrorContexts.Now.AddSeconds(20) };

        var decision = RetryClassifier.Classify(Create, Response(403, headers), 0, ErrorContexts.Now, Options);

        decision.Retry.Should().BeTrue();
        decision.Delay.Should().Be(TimeSpan.FromSeconds(21));
    }

    [Fact]
    public void Rate_limit_reset_further_away_than_allowed_is_not_waited_for()
    {
        var headers = new GitHubResponseHeaders { RateLimitRemaining = 0, RateLimitReset = ErrorContexts.Now.AddMinutes(30) };

        var decision = RetryClassifier.Classify(Read, Response(403, headers), 0, ErrorContexts.Now, Options);

        decision.Retry.Should().BeFalse();
        decision.Reason.Should().Contain("more than the allowed 60 s");
    }

    [Fact]
    public void Secondary_rate_limit_waits_retry_after_or_a_minute()
    {
        RetryClassifier.Classify(Create, Response(429, new GitHubResponseHeaders { RetryAfter = TimeSpan.FromSeconds(3) }), 0, ErrorContexts.Now, Options)
            .Should().Be(RetryDecision.After(TimeSpan.FromSeconds(3), "secondary rate limit"));
        RetryClassifier.Classify(Read, Response(403, body: """{"message":"You have exceeded a secondary rate limit."}"""), 0, ErrorContexts.Now, Options)
            .Delay.Should().Be(TimeSpan.FromMinutes(1));
    }

    [Theory]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(422)]
    public void Client_errors_are_final(int status)
    {
        RetryClassifier.Classify(Read, Response(status), 0, ErrorContexts.Now, Options).Retry.Should().BeFalse();
    }

    [Fact]
    public void Plain_forbidden_is_final()
    {
        RetryClassifier.Classify(Read, Response(403, new GitHubResponseHeaders { RateLimitRemaining = 10 }, """{"message":"Resource not accessible by integration"}"""), 0, ErrorContexts.Now, Options)
            .Retry.Should().BeFalse();
    }

    [Fact]
    public void Graphql_rate_limited_error_in_a_200_is_retried_until_the_reset()
    {
        var graphQL = Read with { Method = HttpMethod.Post, IsGraphQL = true };
        var headers = new GitHubResponseHeaders { RateLimitReset = ErrorContexts.Now.AddSeconds(5) };

        var decision = RetryClassifier.Classify(graphQL, Response(200, headers, """{"errors":[{"type":"RATE_LIMITED","message":"API rate limit exceeded"}]}"""), 0, ErrorContexts.Now, Options);

        decision.Retry.Should().BeTrue();
        decision.Delay.Should().Be(TimeSpan.FromSeconds(6));
    }

    [Fact]
    public void Refused_connection_is_retried_even_for_a_create_since_nothing_was_sent()
    {
        var refused = new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused");

        RetryClassifier.Classify(Create, refused, 0, Options).Retry.Should().BeTrue();
    }

    [Fact]
    public void Lost_answer_is_retried_for_a_read_but_not_for_a_create()
    {
        var lost = new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.");

        RetryClassifier.Classify(Read, lost, 0, Options).Retry.Should().BeTrue();
        RetryClassifier.Classify(Create, lost, 0, Options).Retry.Should().BeFalse();
        RetryClassifier.Classify(Create, new AttemptTimeoutException(TimeSpan.FromSeconds(1)), 0, Options).Retry.Should().BeFalse();
    }

    private static GitHubResponse Response(int status, GitHubResponseHeaders? headers = null, string body = "{}") =>
        new((HttpStatusCode)status, Encoding.UTF8.GetBytes(body), headers ?? new GitHubResponseHeaders());
}
