using System.Net;

namespace Pipeline.GitHub;

/// <summary>What an exception knows about the failed request and GitHub's answer. Never holds a credential.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The request path and query, relative to the API base (or the GraphQL operation).</param>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="RequestId">GitHub's <c>x-github-request-id</c>, to quote to GitHub support.</param>
/// <param name="Message">GitHub's <c>message</c>.</param>
/// <param name="DocumentationUrl">GitHub's <c>documentation_url</c>.</param>
/// <param name="Errors">GitHub's <c>errors</c> array.</param>
public sealed record GitHubResponseInfo(
    string Method,
    string Path,
    HttpStatusCode StatusCode,
    string? RequestId,
    string? Message,
    string? DocumentationUrl,
    IReadOnlyList<GitHubFieldError> Errors)
{
    /// <summary>Where GitHub redirected the request (a renamed or transferred repository) before this answer, if it did.</summary>
    public Uri? MovedTo { get; init; }

    /// <summary>
    /// The request and status, such as <c>PUT repos/o/r/contents/a.yaml answered 409 Conflict</c>, with
    /// <c>(moved to URL)</c> after a redirect.
    /// </summary>
    public string Describe() =>
        $"{Method} {Path}{(MovedTo is null ? "" : $" (moved to {MovedTo})")} answered {(int)StatusCode} {StatusCode}";
}
