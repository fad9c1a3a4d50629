namespace Pipeline.Rehearsal.GitHub;

/// <summary>How a <see cref="LocalGitHubServer"/> starts: where it keeps repositories and which clock it trusts.</summary>
public sealed record LocalGitHubServerOptions
{
    /// <summary>Folder for the bare repositories; a new temporary folder when null.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Keep the data folder when the server is disposed (a temporary folder is deleted otherwise).</summary>
    public bool KeepData { get; init; }

    /// <summary>The clock for token expiry, JWT checks and timestamps; the system clock when null.</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>How long an installation access token lives (GitHub: one hour).</summary>
    public TimeSpan InstallationTokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Requests per hour per credential reported in <c>x-ratelimit-limit</c>; exceeding it answers 403.</summary>
    public int RateLimit { get; init; } = 5000;

    /// <summary>
    /// The host named in <c>html_url</c> links as <c>https://{WebHost}/</c> (GitHub: github.com). When null (the
    /// default) the links point at this server, which serves pages for them (repository, pull request, commit,
    /// compare); API and git URLs always use the loopback address.
    /// </summary>
    public string? WebHost { get; init; }

    /// <summary>
    /// Serve HTTPS instead of HTTP, with a self-signed certificate for <c>127.0.0.1</c> and <c>localhost</c> made at start
    /// (<see cref="LocalGitHubServer.CertificatePem"/>), for clients that only speak HTTPS to GitHub Enterprise, such as <c>gh</c>.
    /// </summary>
    public bool Https { get; init; }
}
