using System.Globalization;
using Pipeline.GitHub.Http;

namespace Pipeline.GitHub.Errors;

internal static partial class GitHubErrorTable
{
    private static GitHubException ProtectedBranch(GitHubErrorContext c) => new GitHubProtectedBranchException(
        $"{c.Info.Describe()}: the branch is protected.{c.Quoted} Open a pull request instead of writing directly, " +
        "or add the writing GitHub App to the branch protection's (or ruleset's) bypass list.",
        c.Info);

    private static GitHubException StaleContentSha(GitHubErrorContext c)
    {
        var write = (GitHubOperation.ContentsWrite)c.Request.Operation!;
        var basis = write.Sha is null ? "as a new file, but it exists" : $"on blob {write.Sha}";
        return new StaleContentShaException(
            $"{write.Path} changed since it was read (the write was based {basis}).{c.Quoted} " +
            "Re-read the file, re-apply the edit to the new content and write again with its sha.",
            c.Info, write.Path, write.Sha);
    }

    private static GitHubException NonFastForward(GitHubErrorContext c)
    {
        var update = (GitHubOperation.RefUpdate)c.Request.Operation!;
        return new NonFastForwardException(
            $"{update.Reference} moved since it was read: setting it to {update.Sha} is not a fast-forward.{c.Quoted} " +
            "Re-read the ref, rebuild the commit on the new head and update again; never force.",
            c.Info, update.Reference, update.Sha);
    }

    private static GitHubException HeadOidMismatch(GitHubErrorContext c)
    {
        var commit = (GitHubOperation.CommitOnBranch)c.Request.Operation!;
        return new ExpectedHeadOidMismatchException(
            $"Branch {commit.Branch} no longer points to {commit.ExpectedHeadOid}: another commit landed first.{c.Quoted} " +
            "Re-read the files and the branch head, re-apply the change and commit again.",
            c.Info, commit.Branch, commit.ExpectedHeadOid);
    }

    private static GitHubException Unauthorised(GitHubErrorContext c)
    {
        var fix = c.CredentialKind switch
        {
            GitHubCredentialKind.AppJwt =>
                "GitHub refused the App JWT: check that the issuer is this App's ID or client ID, that the private key belongs to the App " +
                "and was not deleted, and that this machine's clock is right (iat and exp are checked).",
            GitHubCredentialKind.InstallationToken =>
                "The installation token is expired or revoked (they live one hour): mint a new one; InstallationTokenProvider renews tokens before they expire.",
            GitHubCredentialKind.FineGrainedPersonalAccessToken =>
                "The fine-grained token is expired or revoked, or the organisation's policy blocks fine-grained tokens or has not approved this one " +
                "(Organisation settings > Personal access tokens): create a new token, or ask an owner to allow or approve it.",
            GitHubCredentialKind.PersonalAccessToken =>
                "The personal access token is expired or revoked, or the organisation blocks classic tokens: create a new one and update the secret.",
            GitHubCredentialKind.ActionsToken =>
                "GITHUB_TOKEN is valid only while its job runs: pass it from the running workflow; for another repository use a GitHub App or a personal access token.",
            _ => "Check that the token is set, not expired, and issued for this GitHub host.",
        };
        return new GitHubAuthenticationException($"{c.Info.Describe()}: bad credentials.{c.Quoted} {fix}", c.Info, c.CredentialKind);
    }

    private static GitHubException PrimaryRateLimit(GitHubErrorContext c)
    {
        var reset = c.Headers.RateLimitReset;
        var when = reset is null
            ? "until the hourly quota resets"
            : $"until {reset.Value.UtcDateTime.ToString("u", CultureInfo.InvariantCulture)} (in {Math.Max(0, (int)Math.Ceiling((reset.Value - c.Now).TotalSeconds))} s)";
        return new GitHubRateLimitException(
            $"{c.Info.Describe()}: the rate limit is used up {when}.{c.Quoted} Wait for the reset, make fewer calls, or use a GitHub App " +
            "installation token (its quota is larger); raise GitHubClientOptions.Retry.MaxDelay to let the client wait for the reset itself.",
            c.Info, GitHubRateLimitKind.Primary, reset, c.Headers.RetryAfter);
    }

    private static GitHubException SecondaryRateLimit(GitHubErrorContext c)
    {
        var wait = c.Headers.RetryAfter ?? TimeSpan.FromMinutes(1);
        var until = (c.Now + wait).UtcDateTime.ToString("u", CultureInfo.InvariantCulture);
        return new GitHubRateLimitException(
            $"{c.Info.Describe()}: GitHub's secondary rate limit (too many requests too fast, or too many at once) after {c.Attempts} attempt(s).{c.Quoted} " +
            $"Wait at least {(int)wait.TotalSeconds} s (until {until}), send writes one at a time, and lower concurrency.",
            c.Info, GitHubRateLimitKind.Secondary, c.Headers.RateLimitReset, c.Headers.RetryAfter);
    }

    private static GitHubException Forbidden(GitHubErrorContext c)
    {
        var fix = c.Headers.Sso is not null
            ? $"The organisation uses SAML single sign-on: authorise the token for it ({c.Headers.Sso})."
            : c.Headers.AcceptedPermissions is { } permissions
                ? $"GitHub says this needs the permission(s) {permissions}: grant them to the App or fine-grained token (an App's installation must accept new permissions)."
                : c.CredentialKind == GitHubCredentialKind.ActionsToken
                    ? "GITHUB_TOKEN may only act on its own repository, with the permissions of the workflow's 'permissions:' block: widen that block or use a GitHub App."
                    : "Check the token's scopes (classic: repo, workflow), or the App's permissions and that it is installed on this repository.";
        return new GitHubForbiddenException($"{c.Info.Describe()}: forbidden.{c.Quoted} {fix}", c.Info, c.Headers.AcceptedPermissions);
    }

    private static GitHubException NotFound(GitHubErrorContext c)
    {
        var permission = c.Headers.AcceptedPermissions is { } p ? $" (GitHub says it needs: {p})" : "";
        return new GitHubNotFoundException(
            $"{c.Info.Describe()}: not found.{c.Quoted} Check the owner, repository, path and ref. GitHub also answers 404 when the credential " +
            $"may not see the resource: often a missing permission{permission}, an App not installed on the repository, or a token without access to it.",
            c.Info, c.Headers.AcceptedPermissions);
    }

    private static GitHubException NotMergeable(GitHubErrorContext c) => new GitHubNotMergeableException(
        $"{c.Info.Describe()}: the pull request cannot be merged now.{c.Quoted} Wait for required checks and reviews, resolve conflicts, " +
        "use a merge method the repository allows, or enable auto-merge instead.",
        c.Info);

    private static GitHubException Conflict(GitHubErrorContext c) => new GitHubConflictException(
        $"{c.Info.Describe()}: conflict.{c.Quoted} Re-read the resource and retry; a merge whose head moved needs the new head sha, " +
        "and an empty repository needs a first commit.",
        c.Info);

    private static GitHubException Validation(GitHubErrorContext c) => new GitHubValidationException(
        $"{c.Info.Describe()}: GitHub refused the request's content.{c.Quoted} Fix the fields named" +
        (c.Info.DocumentationUrl is { } doc ? $" (see {doc})." : "."),
        c.Info);

    private static GitHubException ServerError(GitHubErrorContext c) => new GitHubServerException(
        $"{c.Info.Describe()} after {c.Attempts} attempt(s).{c.Quoted} GitHub's side failed; this is usually temporary: retry later " +
        "(a create that failed this way is not retried by the client, so check whether it happened before repeating it).",
        c.Info);

    private static GitHubException GraphQL(GitHubErrorContext c) => new GitHubGraphQLException(
        $"{c.Info.Describe()}: the GraphQL call failed.{c.Quoted} Check the names and ids it was given, and the credential's access.",
        c.Info);
}
