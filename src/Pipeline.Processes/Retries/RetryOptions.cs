namespace Pipeline.Processes;

/// <summary>
/// How often and how long to retry a call that failed for a moment: the one retry shape of the registry client, the
/// GitHub client and the promoter. Waits start at <see cref="BaseDelay"/> and never exceed <see cref="MaxDelay"/>;
/// the caller gives up after <see cref="MaxAttempts"/> attempts or when the next wait would overrun
/// <see cref="Budget"/>, whichever comes first. Each client sets its own defaults.
/// </summary>
/// <remarks>
/// It lives in the process layer because that is the one package the registry client, the GitHub client and the
/// promoter all reference; they know nothing of each other. A wait the server asks for (<c>Retry-After</c>) is the
/// client's to judge: the registry client shortens it to <see cref="MaxDelay"/>, the GitHub client does not wait
/// longer than <see cref="MaxDelay"/> and says when to come back, the promoter waits as asked within its budget.
/// </remarks>
public sealed record RetryOptions
{
    /// <summary>Attempts in all, the first included; null for no limit but <see cref="Budget"/>. Default 4.</summary>
    public int? MaxAttempts { get; init; } = 4;

    /// <summary>The first wait. Default 1 s.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest single wait the caller draws. Default 30 s.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long, from the first attempt, the caller may keep trying, waits included; null for no limit but <see cref="MaxAttempts"/>.</summary>
    public TimeSpan? Budget { get; init; }

    /// <summary>One attempt: never retry.</summary>
    public static RetryOptions None { get; } = new() { MaxAttempts = 1, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero };

    /// <summary>Whether attempt <paramref name="attempt"/> (from 1), failed after <paramref name="elapsed"/>, may be followed by another after <paramref name="delay"/>.</summary>
    public bool Allows(int attempt, TimeSpan elapsed, TimeSpan delay) =>
        (MaxAttempts is not { } most || attempt < most) && (Budget is not { } budget || elapsed + delay <= budget);

    /// <summary>The wait after attempt <paramref name="attempt"/> (from 1): <see cref="BaseDelay"/> doubled on each attempt, capped at <see cref="MaxDelay"/>.</summary>
    public TimeSpan Backoff(int attempt)
    {
        var doubled = TimeSpan.FromTicks(BaseDelay.Ticks * (1L << Math.Clamp(attempt - 1, 0, 16)));
        return doubled > MaxDelay ? MaxDelay : doubled;
    }

    /// <summary>
    /// The wait after <paramref name="previous"/>, with decorrelated jitter: drawn between <see cref="BaseDelay"/> and three
    /// times the previous wait, then capped, so that it never exceeds <see cref="MaxDelay"/>. Callers that lost the same
    /// race do not come back in step (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/).
    /// </summary>
    public TimeSpan NextDelay(TimeSpan previous, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var low = Math.Min(BaseDelay.TotalMilliseconds, MaxDelay.TotalMilliseconds);
        var high = Math.Max(low, previous.TotalMilliseconds * 3);
        var drawn = low + (random.NextDouble() * (high - low));
        return TimeSpan.FromMilliseconds(Math.Min(drawn, MaxDelay.TotalMilliseconds));
    }

    /// <summary>What is out of range, with the fix; null when the options can be used.</summary>
    public string? Problem() =>
        BaseDelay < TimeSpan.Zero || MaxDelay < TimeSpan.Zero || MaxAttempts is < 1 || Budget <= TimeSpan.Zero
            ? $"The retry options are out of range (attempts {MaxAttempts?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unlimited"}, "
              + $"delays {BaseDelay.TotalMilliseconds:0} to {MaxDelay.TotalMilliseconds:0} ms, budget {(Budget is { } b ? $"{b.TotalSeconds:0.###} s" : "none")}): "
              + "give at least one attempt, delays of zero or more and a budget above zero."
            : MaxAttempts is null && Budget is null
                ? "The retry options set neither a number of attempts nor a budget, so a failing call would be retried for ever: give MaxAttempts or Budget."
                : null;
}
