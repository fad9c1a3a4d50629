namespace Pipeline.Rehearsal.GitHub.Rest.Repositories;

/// <summary>GitHub's <c>simple-user</c>.</summary>
internal sealed record UserJson(
    string Login,
    long Id,
    string NodeId,
    string AvatarUrl,
    string GravatarId,
    string Url,
    string HtmlUrl,
    string FollowersUrl,
    string FollowingUrl,
    string GistsUrl,
    string StarredUrl,
    string SubscriptionsUrl,
    string OrganizationsUrl,
    string ReposUrl,
    string EventsUrl,
    string ReceivedEventsUrl,
    string Type,
    bool SiteAdmin,
    string UserViewType)
{
    public static UserJson From(AccountState account, Links links)
    {
        var url = links.User(account.Login);
        return new UserJson(
            account.Login, account.Id, account.NodeId,
            links.Web + "avatars/u/" + account.Id + "?v=4", "", url, links.UserHtml(account.Login),
            url + "/followers", url + "/following{/other_user}", url + "/gists{/gist_id}",
            url + "/starred{/owner}{/repo}", url + "/subscriptions", url + "/orgs", url + "/repos",
            url + "/events{/privacy}", url + "/received_events", account.Type, false, "public");
    }
}
