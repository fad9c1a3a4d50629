namespace Pipeline.Rehearsal.GitHub.Rest.Root;

/// <summary><c>GET /</c>: the URL templates of the API, under the prefix the request used.</summary>
internal static class RootEndpoint
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/", async context =>
        {
            var links = context.Links();
            var a = links.Api;
            var w = links.Web;
            await context.WriteJsonAsync(new RootJson(
                a + "user", w + "settings/connections/applications{/client_id}", a + "authorizations",
                a + "search/code?q={query}{&page,per_page,sort,order}", a + "search/commits?q={query}{&page,per_page,sort,order}",
                a + "user/emails", a + "emojis", a + "events", a + "feeds", a + "user/followers", a + "user/following{/target}",
                a + "gists{/gist_id}", w + "hub", a + "search/issues?q={query}{&page,per_page,sort,order}", a + "issues",
                a + "user/keys", a + "search/labels?q={query}&repository_id={repository_id}{&page,per_page}", a + "notifications",
                a + "orgs/{org}", a + "orgs/{org}/repos{?type,page,per_page,sort}", a + "orgs/{org}/teams", a + "gists/public",
                a + "rate_limit", a + "repos/{owner}/{repo}", a + "search/repositories?q={query}{&page,per_page,sort,order}",
                a + "user/repos{?type,page,per_page,sort}", a + "user/starred{/owner}{/repo}", a + "gists/starred",
                a + "search/topics?q={query}{&page,per_page}", a + "users/{user}", a + "user/orgs",
                a + "users/{user}/repos{?type,page,per_page,sort}", a + "search/users?q={query}{&page,per_page,sort,order}"),
                GitHubJson.Default.RootJson);
        });
}

/// <summary>GitHub's <c>root</c>.</summary>
internal sealed record RootJson(
    string CurrentUserUrl, string CurrentUserAuthorizationsHtmlUrl, string AuthorizationsUrl, string CodeSearchUrl,
    string CommitSearchUrl, string EmailsUrl, string EmojisUrl, string EventsUrl, string FeedsUrl, string FollowersUrl,
    string FollowingUrl, string GistsUrl, string HubUrl, string IssueSearchUrl, string IssuesUrl, string KeysUrl,
    string LabelSearchUrl, string NotificationsUrl, string OrganizationUrl, string OrganizationRepositoriesUrl,
    string OrganizationTeamsUrl, string PublicGistsUrl, string RateLimitUrl, string RepositoryUrl, string RepositorySearchUrl,
    string CurrentUserRepositoriesUrl, string StarredUrl, string StarredGistsUrl, string TopicSearchUrl, string UserUrl,
    string UserOrganizationsUrl, string UserRepositoriesUrl, string UserSearchUrl);
