using System.Globalization;
using Pipeline.GitHub.Http;

namespace Pipeline.GitHub.Retries;

/// <summary>
/// Waits out a long retry delay (a rate-limit reset minutes away) in steps of at most a minute, logging how long is
/// left at each step, so a CI log shows a countdown instead of a job that seems to hang. Runs on the client's clock.
/// </summary>
internal static class RateLimitCountdown
{
    /// <summary>Shorter waits are plain delays; from this long on, the wait counts down.</summary>
    public static readonly TimeSpan From = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan Step = TimeSpan.FromMinutes(1);

    public static async Task WaitAsync(TimeSpan delay, string reason, GitHubClientOptions options, CancellationToken cancellationToken)
    {
        var until = options.TimeProvider.GetUtcNow() + delay;
        var left = delay;
        while (left > TimeSpan.Zero)
        {
            GitHubLog.RateLimitCountdown(options.Logger, reason, Format(left), until);
            var step = left < Step ? left : Step;
            await Task.Delay(step, options.TimeProvider, cancellationToken).ConfigureAwait(false);
            left -= step;
        }
    }

    /// <summary><c>m:ss</c>, as a countdown reads.</summary>
    internal static string Format(TimeSpan left) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)left.TotalMinutes}:{left.Seconds:00}");
}
