namespace Pipeline.Rehearsal.GitHub.Faults;

/// <summary>
/// A planned misbehaviour for the next <see cref="Times"/> requests matching <see cref="Method"/> and
/// <see cref="Path"/>: a delay, an error status, or both (the delay comes first).
/// </summary>
/// <param name="Method">HTTP method, or <c>*</c> for any.</param>
/// <param name="Path">
/// Path pattern without query and without an <c>/api/v3</c> prefix, e.g. <c>/repos/o/r/git/refs/heads/main</c>;
/// <c>*</c> matches one segment, <c>**</c> the rest of the path.
/// </param>
public sealed record Fault(string Method, string Path)
{
    /// <summary>The status to answer instead of serving the request; null to serve it (after <see cref="Delay"/>).</summary>
    public int? Status { get; init; }

    /// <summary>How many matching requests this fault affects.</summary>
    public int Times { get; init; } = 1;

    /// <summary>Sent as <c>Retry-After</c> (whole seconds) with the error.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Wait this long (real time, cancelled when the client goes away) before answering.</summary>
    public TimeSpan? Delay { get; init; }

    /// <summary>The error message; GitHub's usual one for the status when null.</summary>
    public string? Message { get; init; }

    /// <summary>Also send <c>x-ratelimit-remaining: 0</c> and a reset time, as a primary rate limit does.</summary>
    public bool ExhaustRateLimit { get; init; }

    /// <summary>
    /// The chance (0 to 1) that a matching request is affected; a request the fault passes over does not use up one of
    /// <see cref="Times"/>. Default 1: every matching request, until <see cref="Times"/> is used up.
    /// </summary>
    public double Probability { get; init; } = 1;
}
