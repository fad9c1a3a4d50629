namespace Pipeline.Rehearsal.GitHub.State;

/// <summary>What every API write shares: who the commit is by, and whether a branch may be written directly.</summary>
internal static class Writes
{
    /// <summary>GitHub itself ("web-flow"), the committer of what it signs.</summary>
    public static GitIdentity WebFlow(DateTimeOffset now) => new("GitHub", "noreply@github.com", now);

    /// <summary>
    /// The committer of a REST write that names no author or committer: GitHub (signed) for a GitHub App, the user
    /// (unsigned) for a user's token; GitHub signs bot commits only when no identity was given.
    /// </summary>
    public static (GitIdentity Committer, bool Signed) CommitterFor(Principal principal, DateTimeOffset now) =>
        principal.ActingApp is not null ? (WebFlow(now), true) : (AuthorFor(principal, now), false);

    /// <summary>The signing function for <see cref="BareRepository.CommitTreeAsync"/>, or null for an unsigned commit.</summary>
    public static Func<byte[], string>? SignerFor(RepositoryState repository, bool signed, DateTimeOffset now) =>
        signed ? payload => repository.Signer.Sign(payload, now) : null;

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
}
