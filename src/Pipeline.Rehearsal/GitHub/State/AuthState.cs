using System.Security.Cryptography;

namespace Pipeline.Rehearsal.GitHub.State;

/// <summary>A registered GitHub App with the key that verifies its JWTs.</summary>
internal sealed record AppState(RegisteredApp App, RSA PublicKey, AccountState Owner, AccountState Bot);

/// <summary>An installation of an App on an account, on all or some of its repositories.</summary>
internal sealed record InstallationState(
    long Id,
    AppState App,
    AccountState Account,
    IReadOnlySet<string>? Repositories,
    IReadOnlyDictionary<string, string> Permissions,
    DateTimeOffset CreatedAt);

/// <summary>The kind of credential a token string stands for.</summary>
internal enum TokenKind
{
    Installation,
    ClassicPersonal,
    FineGrainedPersonal,
}

/// <summary>A token the server issued; scoping is by repository full names and permission levels.</summary>
internal sealed class TokenState(string value, TokenKind kind, AccountState user, DateTimeOffset? expiresAt)
{
    public string Value { get; } = value;

    public TokenKind Kind { get; } = kind;

    /// <summary>The user the token acts as (an App's bot for installation tokens).</summary>
    public AccountState User { get; } = user;

    public DateTimeOffset? ExpiresAt { get; } = expiresAt;

    public InstallationState? Installation { get; init; }

    /// <summary>Full names (<c>owner/name</c>, case-insensitive) the token may reach; all when null.</summary>
    public IReadOnlySet<string>? Repositories { get; init; }

    /// <summary>Permission levels; null for classic tokens, which use scopes.</summary>
    public IReadOnlyDictionary<string, string>? Permissions { get; init; }

    public IReadOnlyList<string> Scopes { get; init; } = [];

    public bool Revoked { get; set; }
}
