using System.Text;
using System.Text.Json;

namespace Pipeline.GitHub.Errors;

/// <summary>
/// Reads GitHub's error JSON: <c>{ message, documentation_url, errors: [...] }</c> for REST, where an
/// <c>errors</c> entry is an object or a plain string, and <c>{ errors: [{ type, message, path }] }</c> for GraphQL.
/// </summary>
internal sealed record GitHubErrorBody(string? Message, string? DocumentationUrl, IReadOnlyList<GitHubFieldError> Errors)
{
    private const int MaxTextLength = 500;

    public static GitHubErrorBody Parse(byte[] body)
    {
        if (body.Length == 0)
        {
            return new GitHubErrorBody(null, null, []);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new GitHubErrorBody(null, null, []);
            }

            var errors = root.TryGetProperty("errors", out var array) && array.ValueKind == JsonValueKind.Array
                ? array.EnumerateArray().Select(ReadError).ToList()
                : [];
            return new GitHubErrorBody(String(root, "message"), String(root, "documentation_url"), errors);
        }
        catch (JsonException)
        {
            var text = Encoding.UTF8.GetString(body).Trim();
            return new GitHubErrorBody(text.Length > MaxTextLength ? text[..MaxTextLength] + "..." : text, null, []);
        }
    }

    private static GitHubFieldError ReadError(JsonElement error)
    {
        if (error.ValueKind == JsonValueKind.String)
        {
            return new GitHubFieldError(null, null, null, error.GetString());
        }

        if (error.ValueKind != JsonValueKind.Object)
        {
            return new GitHubFieldError(null, null, null, error.GetRawText());
        }

        // GraphQL errors carry a type and a path (["createCommitOnBranch"]) instead of resource and field.
        var path = error.TryGetProperty("path", out var p) && p.ValueKind == JsonValueKind.Array
            ? string.Join('.', p.EnumerateArray().Select(segment => segment.ToString()))
            : null;
        return new GitHubFieldError(
            String(error, "resource") ?? (string.IsNullOrEmpty(path) ? null : path),
            String(error, "field"),
            String(error, "code") ?? String(error, "type"),
            String(error, "message"));
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
