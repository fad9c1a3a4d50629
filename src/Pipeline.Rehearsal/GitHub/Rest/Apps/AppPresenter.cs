namespace Pipeline.Rehearsal.GitHub.Rest.Apps;

/// <summary>Builds App and installation JSON.</summary>
internal static class AppPresenter
{
    private static readonly string[] Events = ["pull_request", "push", "repository_dispatch"];

    public static IntegrationJson App(GitHubState state, AppState app, Links links)
    {
        var installations = state.InstallationsOf(app);
        var permissions = installations.SelectMany(i => i.Permissions)
            .GroupBy(p => p.Key)
            .ToDictionary(g => g.Key, g => g.MaxBy(p => Auth.Access.Rank(p.Value)).Value);
        var created = Timestamps.Format(state.Now);
        return new IntegrationJson(app.App.Id, app.App.Slug, NodeIds.For("A_kwDO", app.App.Id), app.App.ClientId,
            UserJson.From(app.Owner, links), app.App.Slug, null, links.Web + "apps/" + app.App.Slug,
            links.Web + "apps/" + app.App.Slug, created, created, permissions, Events, installations.Count);
    }

    public static InstallationJson Installation(InstallationState installation, Links links)
    {
        var created = Timestamps.Format(installation.CreatedAt);
        return new InstallationJson(
            installation.Id, UserJson.From(installation.Account, links),
            installation.Repositories is null ? "all" : "selected",
            links.Api + "app/installations/" + installation.Id + "/access_tokens",
            links.Api + "installation/repositories",
            links.Web + "settings/installations/" + installation.Id,
            installation.App.App.Id, installation.App.App.ClientId, installation.App.App.Slug,
            installation.Account.Id, installation.Account.Type, installation.Permissions, Events, created, created,
            null, null, null);
    }
}
