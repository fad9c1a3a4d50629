namespace Pipeline.LocalRehearsal.Soak;

/// <summary>One promotion of a soak, as the promoter reported it.</summary>
/// <param name="App">The app's index.</param>
/// <param name="Round">The round (from 1).</param>
/// <param name="Image">The pinned image promoted.</param>
/// <param name="Status">The promoter's status, or null when it threw.</param>
/// <param name="CommitSha">The commit the promoter reported, if any.</param>
/// <param name="Attempts">Read-apply-write attempts (from the result, or from the error when it says).</param>
/// <param name="Error">The error's type and message when the promotion failed.</param>
/// <param name="Elapsed">How long the promotion took.</param>
public sealed record SoakPromotion(int App, int Round, string Image, string? Status, string? CommitSha, int Attempts, string? Error, TimeSpan Elapsed)
{
    /// <summary>Re-reads after the first attempt.</summary>
    public int Retries => Math.Max(0, Attempts - 1);

    /// <summary>Whether the promoter said the pin is in place.</summary>
    public bool ReportedLanded => Error is null && Status is "Committed" or "AlreadyPromoted";
}
