using System.Net;
using Pipeline.GitHub.Errors;
using Pipeline.GitHub.Http;

namespace Pipeline.GitHub.Tests.Support;

/// <summary>Builds the error table's input as the connection would from a real answer.</summary>
internal static class ErrorContexts
{
    public static readonly DateTimeOffset Now = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static GitHubErrorContext For(
        int status,
        string? message = null,
        GitHubResponseHeaders? headers = null,
        GitHubOperation? operation = null,
        GitHubCredentialKind kind = GitHubCredentialKind.InstallationToken,
        IReadOnlyList<GitHubFieldError>? errors = null,
        bool graphQL = false)
    {
        var request = new GitHubRequest(HttpMethod.Put, "repos/o/r/contents/env/prod/values.yaml") { Operation = operation, IsGraphQL = graphQL };
        var info = new GitHubResponseInfo("PUT", request.Path, (HttpStatusCode)status, "ABCD:1234", message, "https://docs.github.com/rest", errors ?? []);
        return new GitHubErrorContext(request, info, headers ?? new GitHubResponseHeaders(), kind, Now, 1);
    }
}
