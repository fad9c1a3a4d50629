using Pipeline.GitHub;

namespace Pipeline.Promotion;

/// <summary>How the retry loop reads a failed attempt.</summary>
internal enum SetbackKind
{
    /// <summary>Not something a retry can fix: the promotion fails with it.</summary>
    None,

    /// <summary>Another writer moved the branch first: re-read and re-apply on the fresh head.</summary>
    Race,

    /// <summary>GitHub or the git host failed for a moment (5xx, a rate limit, no answer): try again after a wait.</summary>
    Transient,

    /// <summary>
    /// A 409 or 422 that GitHub did not type as a race. It may be one (a ref update that lost, said differently) or a
    /// refusal that will never pass: retried while the branch keeps moving, given up when it stays put.
    /// </summary>
    Refusal,
}

/// <summary>A failed attempt as the retry loop sees it, with the wait GitHub asked for, if any.</summary>
internal readonly record struct Setback(SetbackKind Kind, TimeSpan? Wait = null)
{
    /// <summary>How many refusals in a row on one unmoved head make the promotion give up before its budget.</summary>
    public const int RefusalsOnOneHead = 5;

    public static Setback Of(Exception exception, bool beyondRaces, DateTimeOffset now) => exception switch
    {
        WriteConflictException or GitHubWriteConflictException => new(SetbackKind.Race),
        _ when !beyondRaces => new(SetbackKind.None),
        GitHubRateLimitException limit => new(SetbackKind.Transient, limit.RetryAfter ?? (limit.ResetsAt is { } reset && reset > now ? reset - now : null)),
        GitHubServerException => new(SetbackKind.Transient),
        PromotionGitException { IsTransient: true } => new(SetbackKind.Transient),
        GitHubConflictException or GitHubValidationException => new(SetbackKind.Refusal),
        _ => new(SetbackKind.None),
    };
}
