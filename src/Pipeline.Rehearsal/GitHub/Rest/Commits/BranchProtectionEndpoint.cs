namespace Pipeline.Rehearsal.GitHub.Rest.Commits;

/// <summary><c>GET /repos/{owner}/{repo}/branches/{branch}/protection</c>: the protection as GitHub shows it.</summary>
internal static class BranchProtectionEndpoint
{
    private const string Docs = "https://docs.github.com/rest/branches/branch-protection#get-branch-protection";

    public static async Task GetAsync(HttpContext context, GitHubState state, string branch)
    {
        var repository = context.Repository(state, "administration", Access.Read, Docs);
        var protection = repository.ProtectionOf(branch) ?? throw new ApiErrorException(404, "Branch not protected", Docs);
        var url = context.Links().Repo(repository.FullName) + "/branches/" + branch + "/protection";
        await context.WriteJsonAsync(new ProtectionJson(
            url,
            new RequiredStatusChecksJson(url + "/required_status_checks", false, protection.RequiredChecks,
                protection.RequiredChecks.Select(c => new RequiredCheckJson(c, null)).ToList(), url + "/required_status_checks/contexts"),
            protection.RequirePullRequest ? new RequiredReviewsJson(url + "/required_pull_request_reviews", false, false, 0) : null,
            new EnabledUrlJson(url + "/enforce_admins", false),
            new EnabledJson(protection.AllowForcePushes),
            new EnabledJson(false)), GitHubJson.Default.ProtectionJson);
    }
}

/// <summary>GitHub's <c>branch-protection</c> (the parts this server has).</summary>
internal sealed record ProtectionJson(string Url, RequiredStatusChecksJson RequiredStatusChecks,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    RequiredReviewsJson? RequiredPullRequestReviews,
    EnabledUrlJson EnforceAdmins, EnabledJson AllowForcePushes, EnabledJson AllowDeletions);

/// <summary>GitHub's <c>protected-branch-required-status-check</c>.</summary>
internal sealed record RequiredStatusChecksJson(string Url, bool Strict, IReadOnlyList<string> Contexts,
    IReadOnlyList<RequiredCheckJson> Checks, string ContextsUrl);

/// <summary>GitHub's <c>protected-branch-pull-request-review</c>.</summary>
internal sealed record RequiredReviewsJson(string Url, bool DismissStaleReviews, bool RequireCodeOwnerReviews,
    int RequiredApprovingReviewCount);

/// <summary><c>{"url": ..., "enabled": ...}</c>.</summary>
internal sealed record EnabledUrlJson(string Url, bool Enabled);

/// <summary><c>{"enabled": ...}</c>.</summary>
internal sealed record EnabledJson(bool Enabled);
