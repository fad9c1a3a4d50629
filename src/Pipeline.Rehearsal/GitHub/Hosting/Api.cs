using System.Text.Json.Serialization.Metadata;

namespace Pipeline.Rehearsal.GitHub.Hosting;

/// <summary>Reading requests and writing responses in GitHub's JSON conventions.</summary>
internal static class Api
{
    private const string LinksKey = "rehearsal.links";
    private const string PrincipalKey = "rehearsal.principal";

    public static Links Links(this HttpContext context) => (Links)context.Items[LinksKey]!;

    public static void SetLinks(this HttpContext context, Links links) => context.Items[LinksKey] = links;

    public static Principal Principal(this HttpContext context) =>
        context.Items[PrincipalKey] as Principal ?? Auth.Principal.Anonymous;

    public static void SetPrincipal(this HttpContext context, Principal principal) =>
        context.Items[PrincipalKey] = principal;

    public static string Route(this HttpContext context, string name) =>
        Uri.UnescapeDataString(context.Request.RouteValues[name]?.ToString() ?? "");

    public static string? Query(this HttpContext context, string name) =>
        context.Request.Query.TryGetValue(name, out var value) ? value.ToString() : null;

    /// <summary>Reads a JSON body; a body that does not parse is GitHub's 400 "Problems parsing JSON".</summary>
    public static async Task<T> ReadJsonAsync<T>(this HttpContext context, JsonTypeInfo<T> typeInfo)
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync(context.Request.Body, typeInfo, context.RequestAborted);
            return value ?? throw new ApiErrorException(400, "Problems parsing JSON");
        }
        catch (JsonException)
        {
            throw new ApiErrorException(400, "Problems parsing JSON");
        }
    }

    /// <summary>Reads a JSON body that may be absent (GitHub accepts an empty body where every field is optional).</summary>
    public static async Task<T?> ReadOptionalJsonAsync<T>(this HttpContext context, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(text, typeInfo);
        }
        catch (JsonException)
        {
            throw new ApiErrorException(400, "Problems parsing JSON");
        }
    }

    public static async Task WriteJsonAsync<T>(this HttpContext context, int status, T value, JsonTypeInfo<T> typeInfo)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, value, typeInfo, context.RequestAborted);
    }

    public static Task WriteJsonAsync<T>(this HttpContext context, T value, JsonTypeInfo<T> typeInfo) =>
        context.WriteJsonAsync(StatusCodes.Status200OK, value, typeInfo);

    public static async Task WriteErrorAsync(this HttpContext context, ApiErrorException error)
    {
        if (error.Headers is not null)
        {
            foreach (var (name, value) in error.Headers)
            {
                context.Response.Headers[name] = value;
            }
        }

        var status = error.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (error.Errors is { Count: > 0 })
        {
            await context.WriteJsonAsync(error.Status,
                new ValidationErrorBody(error.Message, error.Errors, error.DocumentationUrl, status),
                GitHubJson.Default.ValidationErrorBody);
            return;
        }

        await context.WriteJsonAsync(error.Status, new ErrorBody(error.Message, error.DocumentationUrl, status),
            GitHubJson.Default.ErrorBody);
    }

    public static void NoContent(this HttpContext context) => context.Response.StatusCode = StatusCodes.Status204NoContent;
}
