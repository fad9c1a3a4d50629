using System.Net;
using System.Net.Http.Headers;

namespace Pipeline.Containers;

/// <summary>
/// How often and how long to retry a registry request that failed with 429 or a 5xx status or a dropped
/// connection. The delay doubles from <see cref="BaseDelay"/>, a <c>Retry-After</c> header replaces it,
/// and no single wait exceeds <see cref="MaxDelay"/>.
/// </summary>
/// <param name="MaxAttempts">Attempts in total, including the first.</param>
/// <param name="BaseDelay">The first delay when the registry sends no <c>Retry-After</c>.</param>
/// <param name="MaxDelay">The longest single wait.</param>
public sealed record RetryPolicy(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    /// <summary>Four attempts, from half a second up to thirty seconds.</summary>
    public static RetryPolicy Default { get; } = new(4, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30));

    /// <summary>One attempt: never retry.</summary>
    public static RetryPolicy None { get; } = new(1, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>True for statuses worth retrying: 408, 429, 500, 502, 503, 504.</summary>
    public static bool IsRetryable(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError
            or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1 (attempt counts from 1).</summary>
    public TimeSpan DelayBefore(int attempt, RetryConditionHeaderValue? retryAfter, DateTimeOffset now)
    {
        var delay = retryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now,
            _ => TimeSpan.FromTicks(BaseDelay.Ticks * (1L << Math.Min(attempt - 1, 16))),
        };
        if (delay < TimeSpan.Zero)
        {
            delay = TimeSpan.Zero;
        }

        return delay > MaxDelay ? MaxDelay : delay;
    }
}
