namespace Pipeline.Rehearsal.GitHub.Hosting;

/// <summary>
/// The request headers GitHub insists on: a <c>User-Agent</c> (403 without one) and, for REST, an
/// <c>X-GitHub-Api-Version</c> it supports (400 naming the supported versions otherwise; 2022-11-28 when absent).
/// </summary>
internal static class ApiVersions
{
    public static readonly IReadOnlyList<string> Supported = ["2022-11-28"];

    public static void Check(HttpContext context, bool rest)
    {
        var request = context.Request;
        if (string.IsNullOrWhiteSpace(request.Headers.UserAgent))
        {
            throw new PlainTextException(403,
                "Request forbidden by administrative rules. Please make sure your request has a User-Agent header " +
                "(https://docs.github.com/rest/overview/resources-in-the-rest-api#user-agent-required). " +
                "Check https://developer.github.com for other possible causes.\n");
        }

        if (!rest)
        {
            return;
        }

        var version = request.Headers["X-GitHub-Api-Version"].ToString().Trim();
        if (version.Length > 0 && !Supported.Contains(version))
        {
            throw new ApiErrorException(400,
                $"API version '{version}' is not supported. Supported API versions: {string.Join(", ", Supported)}.",
                "https://docs.github.com/rest/about-the-rest-api/api-versions");
        }

        context.Response.Headers["x-github-api-version-selected"] = version.Length > 0 ? version : Supported[0];
    }
}

/// <summary>An answer GitHub sends as plain text rather than JSON (its edge's refusals).</summary>
internal sealed class PlainTextException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
