namespace Pipeline.GitHub.Retries;

/// <summary>Whether to send a request again, after how long, and why (for the log).</summary>
internal sealed record RetryDecision(bool Retry, TimeSpan Delay, string Reason)
{
    public static RetryDecision No(string reason) => new(false, TimeSpan.Zero, reason);

    public static RetryDecision After(TimeSpan delay, string reason) => new(true, delay < TimeSpan.Zero ? TimeSpan.Zero : delay, reason);
}
