namespace Pipeline.Rehearsal.GitHub.Hosting;

/// <summary>Counts requests per credential in hourly windows, for the <c>x-ratelimit-*</c> headers.</summary>
internal sealed class RateLimits(int limit, TimeProvider clock)
{
    private readonly Dictionary<string, (DateTimeOffset Reset, int Used)> _windows = new(StringComparer.Ordinal);

    public int Limit { get; } = limit;

    /// <summary>Counts one request; returns the window after counting it.</summary>
    public (int Used, DateTimeOffset Reset) Count(Principal principal, string resource, string remoteAddress)
    {
        var key = Key(principal, resource, remoteAddress);
        var now = clock.GetUtcNow();
        lock (_windows)
        {
            if (!_windows.TryGetValue(key, out var window) || window.Reset <= now)
            {
                window = (now.AddHours(1), 0);
            }

            window = (window.Reset, window.Used + 1);
            _windows[key] = window;
            return (window.Used, window.Reset);
        }
    }

    /// <summary>Gives back one counted request (a 304); returns the window after it.</summary>
    public (int Used, DateTimeOffset Reset) Refund(Principal principal, string resource, string remoteAddress)
    {
        var key = Key(principal, resource, remoteAddress);
        lock (_windows)
        {
            var window = _windows[key];
            window = (window.Reset, Math.Max(0, window.Used - 1));
            _windows[key] = window;
            return (window.Used, window.Reset);
        }
    }

    private static string Key(Principal principal, string resource, string remoteAddress) =>
        resource + ":" + (principal.Token?.Value.GetHashCode(StringComparison.Ordinal).ToString(System.Globalization.CultureInfo.InvariantCulture)
            ?? principal.App?.App.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)
            ?? remoteAddress);
}
