using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Pipeline.Rehearsal.GitHub.Rest.Contents;

/// <summary>
/// The <c>download_url</c> of a file: <c>/raw/{owner}/{repo}/{ref}/{path}</c> on this server (GitHub:
/// raw.githubusercontent.com), with a <c>token</c> that lets anyone holding the link read that repository's files for
/// an hour, as GitHub's links to private files do. An Authorization header with read access works too. The expiry is
/// counted from the start of the current minute, so two reads of an unchanged file within it give the same body, and
/// the same ETag (a conditional read then answers 304).
/// </summary>
internal static class RawDownloads
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public static string Url(RepositoryState repository, string reference, string escapedPath, Links links, DateTimeOffset now) =>
        links.Server + "raw/" + repository.FullName + "/" + reference + "/" + escapedPath + "?token="
        + Token(repository, DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds() / 60 * 60) + Lifetime);

    public static void Map(IEndpointRouteBuilder routes, GitHubState state) =>
        routes.MapGet("/raw/{owner}/{repo}/{**rest}", context => ServeAsync(context, state)).WithMetadata(new WebPage());

    private static async Task ServeAsync(HttpContext context, GitHubState state)
    {
        var repository = state.FindRepository(context.Route("owner"), context.Route("repo"));
        if (repository is null || !MayRead(context, state, repository))
        {
            await NotFoundAsync(context);
            return;
        }

        // "{ref}/{path}": the ref may contain slashes, so try the shortest ref that names a commit holding the path.
        var parts = context.Route("rest").Split('/');
        for (var split = 1; split < parts.Length; split++)
        {
            var commit = await repository.Git.ResolveCommitAsync(string.Join('/', parts[..split]), context.RequestAborted);
            if (commit is not null && await repository.Git.FindEntryAsync(commit, string.Join('/', parts[split..]), context.RequestAborted) is { Type: "blob" } entry)
            {
                var blob = (await repository.Git.ReadObjectAsync(entry.Sha, context.RequestAborted))!;
                context.Response.ContentType = "text/plain; charset=utf-8";
                context.Response.Headers.ETag = "\"" + entry.Sha + "\"";
                await context.Response.Body.WriteAsync(blob.Content, context.RequestAborted);
                return;
            }
        }

        await NotFoundAsync(context);
    }

    private static bool MayRead(HttpContext context, GitHubState state, RepositoryState repository)
    {
        if (context.Query("token") is { } token)
        {
            return Valid(repository, token, state.Now);
        }

        try
        {
            var principal = Authenticator.Authenticate(context.Request, state);
            Access.Require(principal, repository, "contents", Access.Read, "");
            return true;
        }
        catch (ApiErrorException)
        {
            return false;
        }
    }

    private static string Token(RepositoryState repository, DateTimeOffset expires)
    {
        var expiry = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(expiry, expires.ToUnixTimeSeconds());
        byte[] token = [.. expiry, .. HMACSHA256.HashData(repository.DownloadKey, expiry)[..20]];
        return "A" + Convert.ToBase64String(token).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static bool Valid(RepositoryState repository, string token, DateTimeOffset now)
    {
        try
        {
            var text = token[1..].Replace('-', '+').Replace('_', '/');
            var bytes = Convert.FromBase64String(text.PadRight(text.Length + (4 - text.Length % 4) % 4, '='));
            var expires = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(bytes));
            return bytes.Length == 28 && expires > now && Token(repository, expires) == token;
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return false;
        }
    }

    private static Task NotFoundAsync(HttpContext context)
    {
        context.Response.StatusCode = 404;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("404: Not Found", context.RequestAborted);
    }
}
