namespace Pipeline.Rehearsal.GitHub.Hosting;

/// <summary>The GitHub media types (formats) an operation answers besides JSON, declared on its route.</summary>
internal sealed class MediaFormats(params string[] formats)
{
    public IReadOnlyList<string> Formats { get; } = formats;
}

/// <summary>
/// Reads GitHub's <c>Accept</c> conventions: <c>application/vnd.github[.v3][.FORMAT][+json]</c>. JSON, <c>*/*</c>
/// and the retired <c>...-preview</c> types mean JSON; a format the operation does not have is GitHub's 415.
/// </summary>
internal static class MediaTypes
{
    public const string Json = "json";

    private const string FormatKey = "rehearsal.format";
    private const string MediaTypeKey = "rehearsal.media-type";

    private static readonly string[] KnownFormats = ["raw", "html", "object", "full", "text", "diff", "patch", "sha", "base64"];

    /// <summary>The format the request asked for and the route allows (<see cref="Json"/> by default).</summary>
    public static string Format(this HttpContext context) => context.Items[FormatKey] as string ?? Json;

    /// <summary>
    /// The media type an answer in a non-JSON format carries: the one the client asked for, without <c>+json</c>, as
    /// GitHub echoes it (Octokit reads a raw file as bytes only under <c>application/vnd.github.v3.raw</c>).
    /// </summary>
    public static string MediaType(this HttpContext context) =>
        context.Items[MediaTypeKey] as string ?? "application/vnd.github." + context.Format();

    /// <summary>Chooses the format; throws 415 when the request asks only for formats the operation does not have.</summary>
    public static void Negotiate(HttpContext context, IReadOnlyList<string> supported)
    {
        string? refused = null;
        foreach (var range in context.Request.Headers.Accept.ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var type = range.Split(';')[0].Trim().ToLowerInvariant();
            var format = FormatOf(type);
            if (format == Json || (format is not null && supported.Contains(format)))
            {
                context.Items[FormatKey] = format;
                context.Items[MediaTypeKey] = type.EndsWith("+json", StringComparison.Ordinal) ? type[..^"+json".Length] : type;
                context.Response.Headers["x-github-media-type"] = format == Json ? "github.v3; format=json" : "github.v3; param=" + format;
                return;
            }

            refused ??= format is null ? null : range.Split(';')[0].Trim();
        }

        if (refused is not null)
        {
            throw new ApiErrorException(415, $"Unsupported 'Accept' header: '{refused}'. Must accept 'application/json'.",
                "https://docs.github.com/rest/using-the-rest-api/getting-started-with-the-rest-api#media-types");
        }
    }

    /// <summary><see cref="Json"/>, a GitHub format name, or null for a type that says nothing about GitHub's formats.</summary>
    private static string? FormatOf(string type)
    {
        if (type is "application/json" or "*/*" or "application/*" or "")
        {
            return Json;
        }

        const string vendor = "application/vnd.github";
        if (!type.StartsWith(vendor, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = type[vendor.Length..];
        rest = rest.EndsWith("+json", StringComparison.Ordinal) ? rest[..^"+json".Length] : rest;
        rest = rest.StartsWith(".v3", StringComparison.Ordinal) ? rest[3..] : rest;
        if (rest.Length == 0 || rest == ".json")
        {
            return Json;
        }

        var name = rest.TrimStart('.');
        return name.EndsWith("-preview", StringComparison.Ordinal) ? Json : KnownFormats.Contains(name) ? name : Json;
    }
}
