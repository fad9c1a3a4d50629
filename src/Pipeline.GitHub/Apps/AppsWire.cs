namespace Pipeline.GitHub.Apps;

internal sealed record InstallationTokenBody(IReadOnlyList<string>? Repositories, IReadOnlyDictionary<string, string>? Permissions);

internal sealed record InstallationTokenResponse(string Token, DateTimeOffset ExpiresAt, IReadOnlyDictionary<string, string>? Permissions, IReadOnlyList<TokenRepository>? Repositories);

internal sealed record TokenRepository(string Name);
