using System.Net;
using Pipeline.GitHub.Http;

namespace Pipeline.GitHub.Errors;

/// <summary>Everything the error table looks at to choose an exception and word its fix.</summary>
internal sealed record GitHubErrorContext(
    GitHubRequest Request,
    GitHubResponseInfo Info,
    GitHubResponseHeaders Headers,
    GitHubCredentialKind CredentialKind,
    DateTimeOffset Now,
    int Attempts)
{
    public int Status => (int)Info.StatusCode;

    public HttpStatusCode StatusCode => Info.StatusCode;

    /// <summary>GitHub's message plus the messages of its errors array, for matching known wordings.</summary>
    public string AllText => string.Join(' ', new[] { Info.Message }.Concat(Info.Errors.Select(e => e.Message)).Where(t => t is not null));

    public bool Says(string fragment) => AllText.Contains(fragment, StringComparison.OrdinalIgnoreCase);

    /// <summary>GitHub's message (and errors), quoted for an exception message.</summary>
    public string Quoted
    {
        get
        {
            var errors = Info.Errors.Count == 0 ? "" : "[" + string.Join("; ", Info.Errors) + "]";
            var message = string.IsNullOrWhiteSpace(Info.Message) ? "" : $"\"{Info.Message}\"";
            var both = message.Length > 0 && errors.Length > 0 ? " " : "";
            return message.Length == 0 && errors.Length == 0 ? "" : $" GitHub says: {message}{both}{errors}.";
        }
    }

    public bool IsPrimaryRateLimit => Status is 403 or 429 && Headers.RateLimitRemaining == 0;

    public bool IsSecondaryRateLimit =>
        Status is 403 or 429 && !IsPrimaryRateLimit &&
        (Status == 429 || Headers.RetryAfter is not null || Says("secondary rate limit") || Says("abuse"));

    /// <summary>A GraphQL error of the given <c>type</c> (RATE_LIMITED, NOT_FOUND, FORBIDDEN, STALE_DATA, ...).</summary>
    public bool HasGraphQLType(string type) =>
        Request.IsGraphQL && Info.Errors.Any(e => string.Equals(e.Code, type, StringComparison.OrdinalIgnoreCase));
}
