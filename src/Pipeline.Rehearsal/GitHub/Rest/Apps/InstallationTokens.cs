namespace Pipeline.Rehearsal.GitHub.Rest.Apps;

/// <summary>Mints installation access tokens, narrowed to requested repositories and permissions.</summary>
internal static class InstallationTokens
{
    private const string Docs = "https://docs.github.com/rest/apps/apps#create-an-installation-access-token-for-an-app";

    public static TokenState Issue(GitHubState state, InstallationState installation, AccessTokenRequest request)
    {
        var repositories = Repositories(state, installation, request);
        var permissions = new Dictionary<string, string>(installation.Permissions, StringComparer.Ordinal);
        if (request.Permissions is { Count: > 0 } requested)
        {
            foreach (var (name, level) in requested)
            {
                if (Access.Rank(installation.Permissions.GetValueOrDefault(name)) < Access.Rank(level) || Access.Rank(level) == 0)
                {
                    throw ApiErrorException.Unprocessable("The permissions requested are not granted to this installation.", Docs);
                }
            }

            permissions = new Dictionary<string, string>(requested, StringComparer.Ordinal);
            permissions.TryAdd("metadata", "read");
        }

        var expires = state.Now + state.Options.InstallationTokenLifetime;
        return state.AddToken("ghs_", value => new TokenState(value, TokenKind.Installation, installation.App.Bot, expires)
        {
            Installation = installation,
            Repositories = repositories,
            Permissions = permissions,
        });
    }

    private static HashSet<string>? Repositories(GitHubState state, InstallationState installation, AccessTokenRequest request)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in request.Repositories ?? [])
        {
            var repository = state.FindRepository(installation.Account.Login, name.Contains('/') ? name.Split('/')[1] : name);
            names.Add(repository is not null && AppEndpoints.Covers(installation, repository) ? repository.FullName : throw NotAccessible());
        }

        foreach (var id in request.RepositoryIds ?? [])
        {
            var repository = state.FindRepository(id);
            names.Add(repository is not null && AppEndpoints.Covers(installation, repository) ? repository.FullName : throw NotAccessible());
        }

        if (names.Count > 0)
        {
            return names;
        }

        return installation.Repositories is null ? null : new HashSet<string>(installation.Repositories, StringComparer.OrdinalIgnoreCase);
    }

    private static ApiErrorException NotAccessible() => ApiErrorException.Unprocessable(
        "There is at least one repository that does not exist or is not accessible to the parent installation.", Docs);
}
