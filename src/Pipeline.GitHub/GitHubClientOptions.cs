using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Pipeline.GitHub;

/// <summary>How a <see cref="GitHubClient"/> reaches GitHub: where, as whom, with which retries, clock and log.</summary>
public sealed record GitHubClientOptions
{
    /// <summary>Creates options for an endpoint and a credential.</summary>
    public GitHubClientOptions(GitHubEndpoint endpoint, IGitHubCredentials credentials)
    {
        Endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
        Credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
    }

    /// <summary>The REST and GraphQL addresses.</summary>
    public GitHubEndpoint Endpoint { get; init; }

    /// <summary>The credential sent, explicitly, with every request.</summary>
    public IGitHubCredentials Credentials { get; init; }

    /// <summary>The User-Agent GitHub requires. Default <c>Pipeline.GitHub</c>.</summary>
    public string UserAgent { get; init; } = "Pipeline.GitHub";

    /// <summary>The REST API version sent in <c>X-GitHub-Api-Version</c>.</summary>
    public string ApiVersion { get; init; } = "2022-11-28";

    /// <summary>
    /// Four attempts, waits from 1 s doubling, and 15 minutes as the longest wait the client accepts: a rate limit that
    /// resets sooner is waited for (from 10 s on, with a countdown in the log every minute); when <c>Retry-After</c> or
    /// <c>x-ratelimit-reset</c> asks for longer, the client does not wait and throws <see cref="GitHubRateLimitException"/>
    /// at once, naming the reset time.
    /// </summary>
    public static RetryOptions DefaultRetry { get; } = new() { MaxAttempts = 4, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromMinutes(15) };

    /// <summary>
    /// Bounded retries for 5xx answers, rate limits and lost connections (default <see cref="DefaultRetry"/>). A POST
    /// that creates something is retried only when GitHub certainly did not act on it. Waits run on <see cref="TimeProvider"/>.
    /// </summary>
    public RetryOptions Retry { get; init; } = DefaultRetry;

    /// <summary>
    /// How long one attempt may take before it is abandoned (and retried if it is safe to). Measured on the
    /// wall clock; null leaves it to <see cref="HttpClient.Timeout"/>. Default null.
    /// </summary>
    public TimeSpan? AttemptTimeout { get; init; }

    /// <summary>The clock for retry delays and rate-limit resets (tests pass one that does not sleep).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where requests, retries and token renewals are logged. Secrets are never logged.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;
}
