using System.Globalization;
using System.Security.Cryptography;

namespace Pipeline.Rehearsal.GitHub.Hosting;

/// <summary>
/// Conditional requests as GitHub serves them: every successful GET carries a weak <c>ETag</c> of its body (which
/// differs per media type and credential, as GitHub's do), some a <c>Last-Modified</c>; a matching
/// <c>If-None-Match</c> or <c>If-Modified-Since</c> answers 304 with no body, and is not counted against the rate limit.
/// </summary>
internal static class ConditionalResponses
{
    private const string LastModifiedKey = "rehearsal.last-modified";

    /// <summary>Declares when the resource last changed, for <c>Last-Modified</c> and <c>If-Modified-Since</c>.</summary>
    public static void SetLastModified(this HttpContext context, DateTimeOffset when) => context.Items[LastModifiedKey] = when;

    /// <summary>Sets the validators on a buffered 200 answer; true when the client's copy is current (answer 304).</summary>
    public static bool IsNotModified(HttpContext context, ReadOnlySpan<byte> body)
    {
        var request = context.Request;
        var headers = context.Response.Headers;
        var key = Encoding.UTF8.GetBytes(request.Headers.Accept + "\n" + request.Headers.Authorization + "\n");
        var etag = "W/\"" + Convert.ToHexStringLower(SHA256.HashData([.. key, .. body])) + "\"";
        headers.ETag = etag;
        headers.Vary = "Accept, Authorization, Cookie, X-GitHub-OTP";
        headers.CacheControl = "private, max-age=60, s-maxage=60";
        DateTimeOffset? lastModified = context.Items[LastModifiedKey] is DateTimeOffset when ? when : null;
        if (lastModified is { } modified)
        {
            headers.LastModified = modified.ToUniversalTime().ToString("R", CultureInfo.InvariantCulture);
        }

        if (request.Headers.IfNoneMatch.Count > 0)
        {
            return request.Headers.IfNoneMatch.ToString().Split(',', StringSplitOptions.TrimEntries)
                .Any(candidate => candidate == "*" || Weak(candidate) == Weak(etag));
        }

        return lastModified is { } last
            && DateTimeOffset.TryParse(request.Headers.IfModifiedSince.ToString(), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var since)
            && last.ToUnixTimeSeconds() <= since.ToUnixTimeSeconds();
    }

    private static string Weak(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
}

/// <summary>Route metadata: a page for people (HTML, raw downloads), outside the API's headers, limits and checks.</summary>
internal sealed class WebPage;

/// <summary>Route metadata: git smart HTTP.</summary>
internal sealed class GitTransport;
