namespace Pipeline.Rehearsal.GitHub.Rest.Apps;

/// <summary>GitHub's <c>integration</c> (<c>GET /app</c>).</summary>
internal sealed record IntegrationJson(
    long Id, string Slug, string NodeId, string ClientId, UserJson Owner, string Name, string? Description,
    string ExternalUrl, string HtmlUrl, string CreatedAt, string UpdatedAt,
    IReadOnlyDictionary<string, string> Permissions, IReadOnlyList<string> Events, int InstallationsCount);

/// <summary>GitHub's <c>installation</c>.</summary>
internal sealed record InstallationJson(
    long Id, UserJson Account, string RepositorySelection, string AccessTokensUrl, string RepositoriesUrl,
    string HtmlUrl, long AppId, string ClientId, string AppSlug, long TargetId, string TargetType,
    IReadOnlyDictionary<string, string> Permissions, IReadOnlyList<string> Events, string CreatedAt, string UpdatedAt,
    string? SingleFileName, UserJson? SuspendedBy, string? SuspendedAt);

/// <summary>GitHub's <c>installation-token</c>.</summary>
internal sealed record InstallationTokenJson(
    string Token, string ExpiresAt, IReadOnlyDictionary<string, string> Permissions, string RepositorySelection,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<RepositoryJson>? Repositories);

/// <summary>Body of <c>POST /app/installations/{id}/access_tokens</c>.</summary>
internal sealed record AccessTokenRequest(
    IReadOnlyList<string>? Repositories,
    IReadOnlyList<long>? RepositoryIds,
    IReadOnlyDictionary<string, string>? Permissions);

/// <summary><c>GET /installation/repositories</c>.</summary>
internal sealed record InstallationRepositoriesJson(int TotalCount, IReadOnlyList<RepositoryJson> Repositories,
    string RepositorySelection);

/// <summary>GitHub's <c>public-user</c> (<c>GET /user</c>).</summary>
internal sealed record AuthenticatedUserJson(
    string Login, long Id, string NodeId, string AvatarUrl, string GravatarId, string Url, string HtmlUrl,
    string FollowersUrl, string FollowingUrl, string GistsUrl, string StarredUrl, string SubscriptionsUrl,
    string OrganizationsUrl, string ReposUrl, string EventsUrl, string ReceivedEventsUrl, string Type, bool SiteAdmin,
    string UserViewType, string? Name, string? Company, string? Blog, string? Location, string? Email, bool? Hireable,
    string? Bio, int PublicRepos, int PublicGists, int Followers, int Following, string CreatedAt, string UpdatedAt)
{
    public static AuthenticatedUserJson From(UserJson user, string createdAt) => new(
        user.Login, user.Id, user.NodeId, user.AvatarUrl, user.GravatarId, user.Url, user.HtmlUrl, user.FollowersUrl,
        user.FollowingUrl, user.GistsUrl, user.StarredUrl, user.SubscriptionsUrl, user.OrganizationsUrl, user.ReposUrl,
        user.EventsUrl, user.ReceivedEventsUrl, user.Type, false, "public", user.Login, null, "", null, null, null, null,
        0, 0, 0, 0, createdAt, createdAt);
}
