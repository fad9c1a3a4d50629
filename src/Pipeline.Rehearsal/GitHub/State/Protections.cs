namespace Pipeline.Rehearsal.GitHub.State;

/// <summary>The rules GitHub applies to a direct (not pull-request) write to a protected branch.</summary>
internal static class Protections
{
    public const string PullRequestRequired = "Changes must be made through a pull request.";

    /// <summary>Why the principal may not write to the branch directly, or null when it may.</summary>
    public static string? DirectWriteRefusal(BranchProtection protection, Principal principal)
    {
        if (principal.ActingApp is { } app
            && protection.BypassApps.Any(slug => string.Equals(slug, app.App.Slug, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        if (protection.RequirePullRequest)
        {
            return PullRequestRequired;
        }

        return protection.RequiredChecks.Count > 0
            ? $"Required status check \"{protection.RequiredChecks[0]}\" is expected."
            : null;
    }
}
