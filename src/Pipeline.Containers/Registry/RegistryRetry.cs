using System.Net;
using System.Net.Http.Headers;

namespace Pipeline.Containers;

/// <summary>
/// The registry client's retries (<see cref="RegistryClientOptions.Retry"/>): a request that failed with 408, 429 or a
/// 5xx status or a dropped connection waits <see cref="RetryOptions.Backoff"/>, or what <c>Retry-After</c> asks, and
/// no single wait exceeds <see cref="RetryOptions.MaxDelay"/>.
/// </summary>
public static class RegistryRetry
{
    /// <summary>Four attempts, from half a second up to thirty seconds.</summary>
    public static RetryOptions Default { get; } = new() { MaxAttempts = 4, BaseDelay = TimeSpan.FromMilliseconds(500), MaxDelay = TimeSpan.FromSeconds(30) };

    /// <summary>True for statuses worth retrying: 408, 429, 500, 502, 503, 504.</summary>
    public static bool IsRetryable(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError
            or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>The wait after attempt <paramref name="attempt"/> (from 1): what <paramref name="retryAfter"/> asks, else the back-off; never above the cap.</summary>
    public static TimeSpan DelayAfter(this RetryOptions retry, int attempt, RetryConditionHeaderValue? retryAfter, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(retry);
        var delay = retryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now,
            _ => retry.Backoff(attempt),
        };
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > retry.MaxDelay ? retry.MaxDelay : delay;
    }
}
