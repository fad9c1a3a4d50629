using Microsoft.Extensions.Logging;

namespace Pipeline.GitHub.Http;

/// <summary>
/// Every log line this package writes. Arguments are methods, paths, statuses, counts and times: never a
/// header, a body or a credential.
/// </summary>
internal static partial class GitHubLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "GitHub {Method} {Path} answered {Status} in {ElapsedMs} ms (request {RequestId}, rate limit remaining {Remaining})")]
    public static partial void Answered(ILogger logger, string method, string path, int status, long elapsedMs, string? requestId, int? remaining);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "GitHub {Method} {Path} attempt {Attempt} failed ({Reason}); retrying in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string method, string path, int attempt, string reason, long delayMs);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "GitHub {Method} {Path} failed and is not retried: {Reason}")]
    public static partial void NotRetried(ILogger logger, string method, string path, string reason);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "GitHub {Method} {Path} answered {Status}: moved to {Location}; following it (update the name or address to skip the redirect)")]
    public static partial void Moved(ILogger logger, string method, string path, int status, Uri location);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Minted an installation token for installation {InstallationId}, valid until {ExpiresAt:u}")]
    public static partial void TokenMinted(ILogger logger, long installationId, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Revoked an installation token")]
    public static partial void TokenRevoked(ILogger logger);
}
