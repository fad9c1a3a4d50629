namespace Pipeline.Promotion;

/// <summary>
/// How long a promotion keeps trying while the branch moves under it or GitHub fails for a moment. Each attempt
/// re-reads the branch, re-applies the edits to the fresh head and writes again; between attempts it waits a
/// decorrelated-jitter delay; it gives up when <see cref="Budget"/> is spent, and the error says after how many
/// attempts, how long, and on which head.
/// </summary>
/// <remarks>
/// Why a time budget and not a number of attempts: with N promoters on one branch, one of them wins each round, so
/// the last one needs about N attempts however lucky it is. A fixed count fails the promoters that came late while
/// the branch is merely busy; the time a busy branch needs is what a CI job can afford, so that is what is bounded.
/// Why decorrelated jitter (each wait drawn between <see cref="BaseDelay"/> and three times the previous wait):
/// promoters that lost the same race must not come back in step, as plain exponential back-off keeps them, and the
/// ones that drew a short wait retry soon instead of all waiting for the longest.
/// See https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/.
/// </remarks>
public sealed record PromotionRetryOptions
{
    /// <summary>The default <see cref="Budget"/>: ten minutes.</summary>
    public static TimeSpan DefaultBudget { get; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long, from the first read, the promotion may keep trying (time spent working and waiting both count).
    /// Default <see cref="DefaultBudget"/>; the build takes it from <c>--promotion-budget</c> (<c>PROMOTION_BUDGET</c>).
    /// </summary>
    public TimeSpan Budget { get; init; } = DefaultBudget;

    /// <summary>The shortest wait between attempts. Default 100 ms.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The longest wait between attempts. Default 15 s: with many promoters in separate processes on one branch, only one
    /// attempt in each write's time can win, so waits must grow until the others stop crowding the branch.
    /// </summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Attempts in all (the first included) besides the budget; null (the default) for no limit but the budget.</summary>
    public int? MaxAttempts { get; init; }

    /// <summary>The wait after <paramref name="previous"/>: drawn between the base and three times the previous wait, capped.</summary>
    internal TimeSpan NextDelay(TimeSpan previous, Random random)
    {
        var low = BaseDelay.TotalMilliseconds;
        var high = Math.Max(low, previous.TotalMilliseconds * 3);
        var drawn = low + (random.NextDouble() * (high - low));
        return TimeSpan.FromMilliseconds(Math.Min(drawn, Math.Max(low, MaxDelay.TotalMilliseconds)));
    }

    internal void Validate()
    {
        if (Budget <= TimeSpan.Zero || BaseDelay < TimeSpan.Zero || MaxDelay < TimeSpan.Zero || MaxAttempts is < 1)
        {
            throw new PromotionRequestException(
                $"The retry options are out of range (budget {Budget.TotalSeconds:0.###} s, delays {BaseDelay.TotalMilliseconds:0} to {MaxDelay.TotalMilliseconds:0} ms, "
                + $"attempts {MaxAttempts?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unlimited"}): give a budget above zero, delays of zero or more and at least one attempt.");
        }
    }
}
