namespace Pipeline.Rehearsal.GitHub;

/// <summary>A GitHub App known to the server, identified in JWTs by <see cref="Id"/> or <see cref="ClientId"/>.</summary>
/// <param name="Id">The App ID.</param>
/// <param name="ClientId">The client ID (<c>Iv23...</c>), also accepted as the JWT issuer.</param>
/// <param name="Slug">The URL name; its bot user is <c>{slug}[bot]</c>.</param>
public sealed record RegisteredApp(long Id, string ClientId, string Slug)
{
    /// <summary>The login of the App's bot user, which authors the commits the App makes.</summary>
    public string BotLogin => Slug + "[bot]";
}

/// <summary>What a personal access token may do.</summary>
public sealed record PersonalTokenOptions
{
    /// <summary>A fine-grained token (<c>github_pat_</c>) limited to <see cref="Repositories"/> and <see cref="Permissions"/>; a classic token (<c>ghp_</c>) otherwise.</summary>
    public bool FineGrained { get; init; }

    /// <summary>Classic token scopes; <c>repo</c> gives full access to every repository.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = ["repo"];

    /// <summary>Fine-grained only: <c>owner/name</c> of the repositories it may reach; every repository when null.</summary>
    public IReadOnlyList<string>? Repositories { get; init; }

    /// <summary>Fine-grained only: permission name (<c>contents</c>, <c>pull_requests</c>...) to <c>read</c> or <c>write</c>.</summary>
    public IReadOnlyDictionary<string, string> Permissions { get; init; } = new Dictionary<string, string>
    {
        ["contents"] = "write",
        ["pull_requests"] = "write",
        ["metadata"] = "read",
    };

    /// <summary>When the token stops working; never when null.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
}
