using Pipeline.GitHub.Http;

namespace Pipeline.GitHub.Errors;

/// <summary>
/// The one table from a failed answer to a typed exception. Rows are tried in order; the first match wins.
/// Each row's message says what went wrong and what to do about it. The typed write conflicts come first so
/// that a writer can catch <see cref="GitHubWriteConflictException"/>, re-read and re-apply.
/// </summary>
internal static partial class GitHubErrorTable
{
    private sealed record Row(string Name, Func<GitHubErrorContext, bool> Matches, Func<GitHubErrorContext, GitHubException> Create);

    private static readonly Row[] Rows =
    [
        new("protected branch", c => (c.Status is 403 or 405 or 409 or 422 || c.Request.IsGraphQL) && IsProtectedBranch(c), ProtectedBranch),
        new("stale contents sha", c => c.Request.Operation is GitHubOperation.ContentsWrite && (c.Status == 409 || (c.Status == 422 && c.Says("sha"))), StaleContentSha),
        new("non-fast-forward ref update", c => c.Request.Operation is GitHubOperation.RefUpdate && c.Status == 422 && c.Says("fast forward"), NonFastForward),
        new("expectedHeadOid mismatch", c => c.Request.Operation is GitHubOperation.CommitOnBranch && (c.HasGraphQLType("STALE_DATA") || c.Says("Expected branch to point to")), HeadOidMismatch),
        new("401 unauthorised", c => c.Status == 401, Unauthorised),
        new("primary rate limit", c => c.IsPrimaryRateLimit || c.HasGraphQLType("RATE_LIMITED"), PrimaryRateLimit),
        new("secondary rate limit", c => c.IsSecondaryRateLimit, SecondaryRateLimit),
        new("403 forbidden", c => c.Status == 403 || c.HasGraphQLType("FORBIDDEN"), Forbidden),
        new("404 not found", c => c.Status == 404 || c.HasGraphQLType("NOT_FOUND"), NotFound),
        new("405 not mergeable", c => c.Status == 405 && c.Request.Operation is GitHubOperation.Merge, NotMergeable),
        new("409 conflict", c => c.Status == 409, Conflict),
        new("422 validation", c => c.Status == 422, Validation),
        new("5xx server error", c => c.Status >= 500, ServerError),
        new("GraphQL errors", c => c.Request.IsGraphQL && c.Info.Errors.Count > 0, GraphQL),
    ];

    /// <summary>The exception for a failed answer.</summary>
    public static GitHubException Create(GitHubErrorContext context)
    {
        foreach (var row in Rows)
        {
            if (row.Matches(context))
            {
                return row.Create(context);
            }
        }

        return new GitHubException(
            $"{context.Info.Describe()}.{context.Quoted} Check the request against {context.Info.DocumentationUrl ?? "the GitHub REST documentation"}.",
            context.Info);
    }

    /// <summary>The name of the row that matches, for tests and logs.</summary>
    public static string RowFor(GitHubErrorContext context) =>
        Rows.FirstOrDefault(row => row.Matches(context))?.Name ?? "other";

    private static bool IsProtectedBranch(GitHubErrorContext c) =>
        c.Says("protected branch") || c.Says("rule violation") || c.Says("Changes must be made through a pull request");
}
