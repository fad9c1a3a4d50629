namespace Pipeline.GitHub;

/// <summary>
/// Bounded retries for 5xx answers, rate limits and lost connections. A POST that creates something is retried
/// only when GitHub certainly did not act on it. Delays run on the client's <see cref="TimeProvider"/>.
/// </summary>
public sealed record GitHubRetryOptions
{
    /// <summary>Retries after the first attempt (0 disables retries). Default 3.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>First back-off for a 5xx without <c>Retry-After</c>; doubles on each retry. Default 1 s.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest single wait the client accepts. A rate limit that resets sooner is waited for (from 10 s on, with a
    /// countdown in the log every minute); when <c>Retry-After</c> or <c>x-ratelimit-reset</c> asks for longer, the
    /// client does not wait and throws <see cref="GitHubRateLimitException"/> at once, naming the reset time. Default 15 minutes.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long one attempt may take before it is abandoned (and retried if it is safe to). Measured on the
    /// wall clock; null leaves it to <see cref="HttpClient.Timeout"/>. Default null.
    /// </summary>
    public TimeSpan? AttemptTimeout { get; init; }

    /// <summary>No retries at all.</summary>
    public static GitHubRetryOptions None { get; } = new() { MaxRetries = 0 };
}
