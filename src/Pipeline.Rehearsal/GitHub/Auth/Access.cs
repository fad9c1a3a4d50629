namespace Pipeline.Rehearsal.GitHub.Auth;

/// <summary>Repository permission checks for each kind of credential.</summary>
internal static class Access
{
    public const string Read = "read";
    public const string Write = "write";

    public const string IntegrationForbidden = "Resource not accessible by integration";
    public const string PersonalTokenForbidden = "Resource not accessible by personal access token";

    /// <summary>Throws GitHub's 404 or 403 unless the principal holds <paramref name="level"/> on <paramref name="permission"/>.</summary>
    public static void Require(Principal principal, RepositoryState repository, string permission, string level,
        string documentationUrl)
    {
        switch (principal.Kind)
        {
            case PrincipalKind.Anonymous:
                throw ApiErrorException.NotFound(documentationUrl);
            case PrincipalKind.App:
                throw ApiErrorException.Forbidden(IntegrationForbidden, documentationUrl);
        }

        var token = principal.Token!;
        if (token.Kind == TokenKind.ClassicPersonal)
        {
            if (!token.Scopes.Contains("repo"))
            {
                throw ApiErrorException.NotFound(documentationUrl);
            }

            return;
        }

        var message = token.Kind == TokenKind.Installation ? IntegrationForbidden : PersonalTokenForbidden;
        if (!Reaches(token, repository) || Rank(Granted(token, permission)) < Rank(level))
        {
            throw ApiErrorException.Forbidden(message, documentationUrl);
        }
    }

    public static bool Reaches(TokenState token, RepositoryState repository)
    {
        if (token.Repositories is not null)
        {
            return token.Repositories.Contains(repository.FullName);
        }

        return token.Installation is null || token.Installation.Account == repository.Owner;
    }

    public static string? Granted(TokenState token, string permission)
    {
        if (token.Kind == TokenKind.ClassicPersonal)
        {
            return token.Scopes.Contains("repo") ? "admin" : null;
        }

        var granted = token.Permissions?.GetValueOrDefault(permission);
        return granted ?? (permission == "metadata" ? Read : null);
    }

    public static int Rank(string? level) => level switch
    {
        "read" => 1,
        "write" => 2,
        "admin" => 3,
        _ => 0,
    };
}
