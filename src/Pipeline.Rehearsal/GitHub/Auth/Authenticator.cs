namespace Pipeline.Rehearsal.GitHub.Auth;

/// <summary>Turns the Authorization header into a <see cref="Principal"/>, answering 401 as GitHub does.</summary>
internal static class Authenticator
{
    public static Principal Authenticate(HttpRequest request, GitHubState state)
    {
        var header = request.Headers.Authorization.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return Principal.Anonymous;
        }

        var space = header.IndexOf(' ');
        var scheme = space < 0 ? header : header[..space];
        var credential = space < 0 ? "" : header[(space + 1)..].Trim();
        if (scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            credential = FromBasic(credential);
        }
        else if (!scheme.Equals("token", StringComparison.OrdinalIgnoreCase)
                 && !scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            throw ApiErrorException.BadCredentials();
        }

        if (JwtVerifier.LooksLikeJwt(credential))
        {
            var app = JwtVerifier.Verify(credential, state.FindAppByIssuer, state.Now);
            return new Principal(PrincipalKind.App, null, null, app);
        }

        var token = state.FindLiveToken(credential) ?? throw ApiErrorException.BadCredentials();
        return token.Kind == TokenKind.Installation
            ? new Principal(PrincipalKind.Installation, token.User, token, null)
            : new Principal(PrincipalKind.User, token.User, token, null);
    }

    /// <summary>Basic auth as git sends it: the token is the password (user <c>x-access-token</c>), or the user name alone.</summary>
    private static string FromBasic(string encoded)
    {
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            var colon = decoded.IndexOf(':');
            if (colon < 0)
            {
                return decoded;
            }

            var password = decoded[(colon + 1)..];
            return password.Length > 0 ? password : decoded[..colon];
        }
        catch (FormatException)
        {
            throw ApiErrorException.BadCredentials();
        }
    }
}
