using System.Security.Cryptography;

namespace Pipeline.Rehearsal.GitHub.State;

internal sealed partial class GitHubState
{
    private readonly Dictionary<long, AppState> _apps = [];
    private readonly Dictionary<long, InstallationState> _installations = [];
    private readonly Dictionary<string, TokenState> _tokens = new(StringComparer.Ordinal);

    public AppState RegisterApp(RegisteredApp app, RSA publicKey)
    {
        lock (_apps)
        {
            if (_apps.ContainsKey(app.Id) || _apps.Values.Any(a => a.App.Slug == app.Slug || a.App.ClientId == app.ClientId))
            {
                throw new InvalidOperationException(
                    $"An App with id {app.Id}, slug '{app.Slug}' or client id '{app.ClientId}' is already registered. Register each App once.");
            }

            var state = new AppState(app, publicKey, Account("rehearsal-apps", "Organization"), Account(app.BotLogin, "Bot"));
            _apps[app.Id] = state;
            return state;
        }
    }

    /// <summary>Finds an App by the JWT issuer: its numeric ID or its client ID.</summary>
    public AppState? FindAppByIssuer(string issuer)
    {
        lock (_apps)
        {
            return long.TryParse(issuer, out var id)
                ? _apps.GetValueOrDefault(id)
                : _apps.Values.FirstOrDefault(a => a.App.ClientId == issuer);
        }
    }

    public AppState? FindAppBySlug(string slug)
    {
        lock (_apps)
        {
            return _apps.Values.FirstOrDefault(a => string.Equals(a.App.Slug, slug, StringComparison.OrdinalIgnoreCase));
        }
    }

    public InstallationState Install(long appId, string account, IReadOnlyDictionary<string, string> permissions,
        IEnumerable<string>? repositories)
    {
        AppState app;
        lock (_apps)
        {
            app = _apps.GetValueOrDefault(appId)
                ?? throw new InvalidOperationException($"No App with id {appId} is registered. Call RegisterApp first.");
        }

        var names = repositories?.Select(r => r.Contains('/') ? r : account + "/" + r)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var installation = new InstallationState(NextId(), app, Account(account), names,
            new Dictionary<string, string>(permissions, StringComparer.Ordinal), Now);
        lock (_installations)
        {
            _installations[installation.Id] = installation;
        }

        return installation;
    }

    public InstallationState? FindInstallation(long id)
    {
        lock (_installations)
        {
            return _installations.GetValueOrDefault(id);
        }
    }

    public IReadOnlyList<InstallationState> InstallationsOf(AppState app)
    {
        lock (_installations)
        {
            return _installations.Values.Where(i => i.App == app).OrderBy(i => i.Id).ToList();
        }
    }

    public TokenState AddToken(string prefix, Func<string, TokenState> create)
    {
        var value = prefix + RandomToken(prefix.StartsWith("github_pat_", StringComparison.Ordinal) ? 82 : 36);
        var token = create(value);
        lock (_tokens)
        {
            _tokens[value] = token;
        }

        return token;
    }

    /// <summary>A live token by its value: null when unknown, revoked or expired.</summary>
    public TokenState? FindLiveToken(string value)
    {
        lock (_tokens)
        {
            return _tokens.TryGetValue(value, out var token) && !token.Revoked
                && (token.ExpiresAt is null || token.ExpiresAt > Now)
                ? token
                : null;
        }
    }

    private static string RandomToken(int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        return RandomNumberGenerator.GetString(alphabet, length);
    }
}
