namespace Pipeline.Rehearsal.GitHub.Auth;

/// <summary>Who a request acts as.</summary>
internal enum PrincipalKind
{
    Anonymous,
    App,
    Installation,
    User,
}

/// <summary>The authenticated caller of one request.</summary>
internal sealed record Principal(PrincipalKind Kind, AccountState? User, TokenState? Token, AppState? App)
{
    public static readonly Principal Anonymous = new(PrincipalKind.Anonymous, null, null, null);

    /// <summary>The App behind a JWT or an installation token, if any.</summary>
    public AppState? ActingApp => App ?? Token?.Installation?.App;

    /// <summary>The account shown as the actor: the user, or the App's bot.</summary>
    public AccountState? Actor => User ?? App?.Bot;

    public string Login => Actor?.Login ?? "anonymous";
}
