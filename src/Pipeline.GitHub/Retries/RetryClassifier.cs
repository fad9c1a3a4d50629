using System.Net;
using System.Text.Json;
using Pipeline.GitHub.Errors;
using Pipeline.GitHub.Http;

namespace Pipeline.GitHub.Retries;

/// <summary>
/// Decides, from one attempt's outcome, whether the request is sent again. Rate limits are retried whatever
/// the method (GitHub rejected the request without acting on it), waiting as long as GitHub says, but never
/// longer than <see cref="RetryOptions.MaxDelay"/>. 5xx answers and lost answers are retried only
/// for idempotent requests. Lost connections (nothing sent) are always retried.
/// </summary>
internal static class RetryClassifier
{
    /// <summary>GitHub asks for at least a minute after a secondary rate limit without Retry-After.</summary>
    internal static readonly TimeSpan SecondaryRateLimitWait = TimeSpan.FromMinutes(1);

    public static RetryDecision Classify(GitHubRequest request, GitHubResponse response, int attempt, DateTimeOffset now, RetryOptions options)
    {
        var status = (int)response.Status;
        var headers = response.Headers;
        if ((status is 403 or 429 && headers.RateLimitRemaining == 0) || (request.IsGraphQL && HasGraphQLRateLimit(response)))
        {
            var wait = headers.RetryAfter ?? (headers.RateLimitReset is { } reset ? reset - now + TimeSpan.FromSeconds(1) : SecondaryRateLimitWait);
            return Bounded(wait, "primary rate limit", options);
        }

        if (status == 429 || (status == 403 && (headers.RetryAfter is not null || SaysSecondaryRateLimit(response))))
        {
            return Bounded(headers.RetryAfter ?? SecondaryRateLimitWait, "secondary rate limit", options);
        }

        if (status >= 500)
        {
            if (request.Retry != RetryMode.Idempotent)
            {
                return RetryDecision.No($"{status} on a create; GitHub may have acted on it");
            }

            if (status is not (500 or 502 or 503 or 504))
            {
                return RetryDecision.No($"{status} is not transient");
            }

            return Bounded(headers.RetryAfter ?? Backoff(attempt, options), $"{status} {response.Status}", options);
        }

        return RetryDecision.No($"{status} is final");
    }

    public static RetryDecision Classify(GitHubRequest request, Exception exception, int attempt, RetryOptions options)
    {
        if (exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } or HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError })
        {
            // The connection never opened: nothing reached GitHub, so even a create may be sent again.
            return Bounded(Backoff(attempt, options), "connection failed", options);
        }

        if (exception is HttpRequestException or AttemptTimeoutException or IOException)
        {
            return request.Retry == RetryMode.Idempotent
                ? Bounded(Backoff(attempt, options), "no answer", options)
                : RetryDecision.No("no answer to a create; GitHub may have acted on it");
        }

        return RetryDecision.No(exception.GetType().Name);
    }

    /// <summary>The wait after attempt <paramref name="attempt"/>, counted from 0 as the retry pipeline counts.</summary>
    internal static TimeSpan Backoff(int attempt, RetryOptions options) => options.Backoff(attempt + 1);

    private static RetryDecision Bounded(TimeSpan wait, string reason, RetryOptions options) =>
        wait <= options.MaxDelay
            ? RetryDecision.After(wait, reason)
            : RetryDecision.No($"{reason}: GitHub asks to wait {wait.TotalSeconds:0} s, more than the allowed {options.MaxDelay.TotalSeconds:0} s");

    private static bool SaysSecondaryRateLimit(GitHubResponse response)
    {
        var message = GitHubErrorBody.Parse(response.Body).Message;
        return message is not null &&
            (message.Contains("secondary rate limit", StringComparison.OrdinalIgnoreCase) || message.Contains("abuse", StringComparison.OrdinalIgnoreCase));
    }

    private static bool HasGraphQLRateLimit(GitHubResponse response)
    {
        if (response.Status != HttpStatusCode.OK || response.Body.Length == 0)
        {
            return false;
        }

        try
        {
            return GitHubErrorBody.Parse(response.Body).Errors.Any(e => string.Equals(e.Code, "RATE_LIMITED", StringComparison.OrdinalIgnoreCase));
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

/// <summary>One attempt took longer than <see cref="GitHubClientOptions.AttemptTimeout"/>.</summary>
internal sealed class AttemptTimeoutException(TimeSpan timeout)
    : TimeoutException($"The attempt took longer than {timeout.TotalSeconds:0.###} s.");
