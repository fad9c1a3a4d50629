using System.Text.RegularExpressions;

namespace Pipeline.Promotion.Writers;

/// <summary>What a failed <c>git push</c> or <c>git fetch</c> means.</summary>
internal enum GitRemoteFailureKind
{
    /// <summary>Nothing known; reported as it is and not retried.</summary>
    Other,

    /// <summary>The branch moved between the fetch and the push: fetch again, re-apply, push again.</summary>
    LostRace,

    /// <summary>Branch protection refused the push (GitHub's <c>GH006</c>, a declined hook that says so).</summary>
    ProtectedBranch,

    /// <summary>The credentials were refused or missing.</summary>
    Authentication,

    /// <summary>No such repository, or none the credentials may see.</summary>
    MissingRepository,

    /// <summary>The remote failed for a moment (5xx, 429, a dropped connection): the same command may work later.</summary>
    Transient,
}

/// <summary>
/// Reads what git printed after a failed push or fetch. Every way git reports a lost race is one: the client's own
/// checks against the advertised ref (<c>fetch first</c>, <c>non-fast-forward</c>, <c>stale info</c>) and the server's
/// ref update failing because another push got there first (<c>cannot lock ref ... is at X but expected Y</c> from git's
/// own <c>receive-pack</c>, <c>incorrect old value provided</c> and <c>failed to update ref</c> from hosts such as
/// GitHub). Refusals that retrying cannot change (credentials, a protected branch, a missing repository) are told apart
/// first, so that they are never mistaken for a race and the error says they were not retried.
/// </summary>
internal static partial class GitRemoteFailure
{
    public static GitRemoteFailureKind Classify(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (Protected().IsMatch(output))
        {
            return GitRemoteFailureKind.ProtectedBranch;
        }

        if (Authentication().IsMatch(output))
        {
            return GitRemoteFailureKind.Authentication;
        }

        if (Missing().IsMatch(output))
        {
            return GitRemoteFailureKind.MissingRepository;
        }

        if (LostRace().IsMatch(output))
        {
            return GitRemoteFailureKind.LostRace;
        }

        return Transient().IsMatch(output) ? GitRemoteFailureKind.Transient : GitRemoteFailureKind.Other;
    }

    /// <summary>The line of <paramref name="output"/> that says what happened, for messages.</summary>
    public static string Reason(string output)
    {
        var lines = output.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        return lines.FirstOrDefault(l => l.Contains("rejected", StringComparison.Ordinal) || l.Contains("GH006", StringComparison.Ordinal))
            ?? lines.FirstOrDefault(l => l.StartsWith("fatal:", StringComparison.Ordinal) || l.StartsWith("error:", StringComparison.Ordinal))
            ?? lines.FirstOrDefault()
            ?? "no output";
    }

    [GeneratedRegex(@"GH006|protected branch|protected ref|Changes must be made through a pull request", RegexOptions.IgnoreCase)]
    private static partial Regex Protected();

    [GeneratedRegex(@"Authentication failed|could not read (Username|Password)|terminal prompts disabled|Invalid username or password|"
        + @"Permission to \S+ denied|Write access to repository not granted|HTTP Basic: Access denied|returned error: 40[13]\b|\bHTTP 40[13]\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex Authentication();

    [GeneratedRegex(@"Repository not found|repository '[^']*' not found|does not appear to be a git repository|returned error: 404\b|\bHTTP 404\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex Missing();

    [GeneratedRegex(@"\(fetch first\)|non-fast-forward|\(stale info\)|cannot lock ref|incorrect old value provided|failed to update ref|is at [0-9a-f]+ but expected",
        RegexOptions.IgnoreCase)]
    private static partial Regex LostRace();

    [GeneratedRegex(@"returned error: (5\d\d|429)\b|\bHTTP (5\d\d|429)\b|RPC failed|remote end hung up unexpectedly|early EOF|unexpected disconnect|"
        + @"Connection reset|Operation timed out|Empty reply from server|Internal Server Error|Service Unavailable|Bad Gateway",
        RegexOptions.IgnoreCase)]
    private static partial Regex Transient();
}
