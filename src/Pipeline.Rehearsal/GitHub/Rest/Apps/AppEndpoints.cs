namespace Pipeline.Rehearsal.GitHub.Rest.Apps;

/// <summary>GitHub App endpoints: the App itself, installations, installation tokens, and the authenticated user.</summary>
internal static class AppEndpoints
{
    private const string Docs = "https://docs.github.com/rest/apps/apps";

    public static void Map(IEndpointRouteBuilder routes, GitHubState state)
    {
        routes.MapGet("/app", async context =>
        {
            var app = RequireJwt(context);
            await context.WriteJsonAsync(AppPresenter.App(state, app, context.Links()), GitHubJson.Default.IntegrationJson);
        });

        routes.MapGet("/app/installations", async context =>
        {
            var app = RequireJwt(context);
            var list = state.InstallationsOf(app).Select(i => AppPresenter.Installation(i, context.Links())).ToList();
            await context.WriteJsonAsync(list, GitHubJson.Default.IReadOnlyListInstallationJson);
        });

        routes.MapGet("/app/installations/{id:long}", async context =>
        {
            var installation = OwnInstallation(context, state);
            await context.WriteJsonAsync(AppPresenter.Installation(installation, context.Links()), GitHubJson.Default.InstallationJson);
        });

        routes.MapGet("/repos/{owner}/{repo}/installation", async context =>
        {
            var app = RequireJwt(context);
            var repository = state.FindRepository(context.Route("owner"), context.Route("repo"));
            var installation = repository is null ? null : state.InstallationsOf(app).FirstOrDefault(i => Covers(i, repository));
            if (installation is null)
            {
                throw ApiErrorException.NotFound(Docs + "#get-a-repository-installation-for-the-authenticated-app");
            }

            await context.WriteJsonAsync(AppPresenter.Installation(installation, context.Links()), GitHubJson.Default.InstallationJson);
        });

        routes.MapPost("/app/installations/{id:long}/access_tokens", async context =>
        {
            var installation = OwnInstallation(context, state);
            var body = await context.ReadOptionalJsonAsync(GitHubJson.Default.AccessTokenRequest)
                ?? new AccessTokenRequest(null, null, null);
            var token = InstallationTokens.Issue(state, installation, body);
            var links = context.Links();
            var repositories = token.Repositories?.Select(n => state.FindRepository(n.Split('/')[0], n.Split('/')[1])!)
                .Select(r => RepositoryJson.From(r, links)).ToList();
            await context.WriteJsonAsync(201, new InstallationTokenJson(token.Value, Timestamps.Format(token.ExpiresAt!.Value),
                token.Permissions!, token.Repositories is null ? "all" : "selected", repositories),
                GitHubJson.Default.InstallationTokenJson);
        });

        routes.MapDelete("/installation/token", context =>
        {
            var principal = context.Principal();
            if (principal.Kind != PrincipalKind.Installation)
            {
                throw ApiErrorException.BadCredentials();
            }

            principal.Token!.Revoked = true;
            context.NoContent();
            return Task.CompletedTask;
        });

        routes.MapGet("/installation/repositories", async context =>
        {
            var principal = context.Principal();
            if (principal.Kind != PrincipalKind.Installation)
            {
                throw ApiErrorException.Forbidden("You must authenticate with an installation access token in order to list repositories for an installation.");
            }

            var token = principal.Token!;
            var repositories = state.RepositoriesOf(token.Installation!.Account).Where(r => Access.Reaches(token, r))
                .Select(r => RepositoryJson.From(r, context.Links())).ToList();
            await context.WriteJsonAsync(new InstallationRepositoriesJson(repositories.Count, repositories,
                token.Repositories is null ? "all" : "selected"), GitHubJson.Default.InstallationRepositoriesJson);
        });

        routes.MapGet("/user", async context =>
        {
            var principal = context.Principal();
            switch (principal.Kind)
            {
                case PrincipalKind.Anonymous:
                    throw new ApiErrorException(401, "Requires authentication", "https://docs.github.com/rest/users/users#get-the-authenticated-user");
                case PrincipalKind.User:
                    break;
                default:
                    throw ApiErrorException.Forbidden(Access.IntegrationForbidden, "https://docs.github.com/rest/users/users#get-the-authenticated-user");
            }

            var user = UserJson.From(principal.User!, context.Links());
            await context.WriteJsonAsync(AuthenticatedUserJson.From(user, Timestamps.Format(state.Now)), GitHubJson.Default.AuthenticatedUserJson);
        });
    }

    public static bool Covers(InstallationState installation, RepositoryState repository) =>
        installation.Account == repository.Owner
        && (installation.Repositories is null || installation.Repositories.Contains(repository.FullName));

    private static AppState RequireJwt(HttpContext context) =>
        context.Principal() is { Kind: PrincipalKind.App, App: { } app }
            ? app
            : throw new ApiErrorException(401, JwtVerifier.Undecodable);

    private static InstallationState OwnInstallation(HttpContext context, GitHubState state)
    {
        var app = RequireJwt(context);
        var id = long.Parse(context.Route("id"), System.Globalization.CultureInfo.InvariantCulture);
        var installation = state.FindInstallation(id);
        return installation is not null && installation.App == app
            ? installation
            : throw ApiErrorException.NotFound(Docs + "#get-an-installation-for-the-authenticated-app");
    }
}
