namespace Pipeline.Rehearsal.GitHub.State;

/// <summary>What every API write shares: who the commit is by, and whether a branch may be written directly.</summary>
internal static class Writes
{
    /// <summary>GitHub commits API writes as "GitHub" (web-flow) and signs them.</summary>
    public static GitIdentity WebFlow(DateTimeOffset now) => new("GitHub", "noreply@github.com", now);

    /// <summary>The author GitHub records for a caller: the user, or the App's bot.</summary>
    public static GitIdentity AuthorFor(Principal principal, DateTimeOffset now)
    {
        var actor = principal.Actor ?? new AccountState(0, "ghost", "User");
        return new GitIdentity(actor.Login, $"{actor.Id}+{actor.Login}@users.noreply.github.com", now);
    }

    /// <summary>The reason a direct write to <paramref name="branch"/> is refused, or null when it is allowed.</summary>
    public static string? Refusal(RepositoryState repository, string branch, Principal principal) =>
        repository.ProtectionOf(branch) is { } protection ? Protections.DirectWriteRefusal(protection, principal) : null;

    /// <summary>True when the branch refuses non-fast-forward updates.</summary>
    public static bool RefusesForce(RepositoryState repository, string branch) =>
        repository.ProtectionOf(branch) is { AllowForcePushes: false };

    public static void MarkVerified(RepositoryState repository, string sha)
    {
        lock (repository.VerifiedCommits)
        {
            repository.VerifiedCommits.Add(sha);
        }
    }
}
