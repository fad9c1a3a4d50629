using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace Pipeline.GitHub.Http;

/// <summary>A buffered answer: status, body and the headers that decide retries and error messages.</summary>
internal sealed record GitHubResponse(HttpStatusCode Status, byte[] Body, GitHubResponseHeaders Headers)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    /// <summary>Where GitHub redirected the request (a renamed or transferred repository), when it did.</summary>
    public Uri? MovedTo { get; init; }
}

/// <summary>The response headers GitHub uses to explain failures and rate limits.</summary>
internal sealed record GitHubResponseHeaders
{
    public TimeSpan? RetryAfter { get; init; }

    public int? RateLimitRemaining { get; init; }

    public DateTimeOffset? RateLimitReset { get; init; }

    public string? RequestId { get; init; }

    public string? AcceptedPermissions { get; init; }

    public string? Sso { get; init; }

    public static GitHubResponseHeaders From(HttpResponseHeaders headers, DateTimeOffset now) => new()
    {
        RetryAfter = RetryAfterOf(headers.RetryAfter, now),
        RateLimitRemaining = int.TryParse(First(headers, "x-ratelimit-remaining"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining) ? remaining : null,
        RateLimitReset = long.TryParse(First(headers, "x-ratelimit-reset"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var reset)
            ? DateTimeOffset.FromUnixTimeSeconds(reset)
            : null,
        RequestId = First(headers, "x-github-request-id"),
        AcceptedPermissions = First(headers, "x-accepted-github-permissions"),
        Sso = First(headers, "x-github-sso"),
    };

    private static TimeSpan? RetryAfterOf(RetryConditionHeaderValue? value, DateTimeOffset now) => value switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };

    private static string? First(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
