using System.Text.Json;
using System.Text.RegularExpressions;
using Pipeline.Tests.Shared;

namespace Pipeline.Rehearsal.Tests.GitHub.Contract;

/// <summary>
/// GitHub's official OpenAPI description from the npm package <c>@octokit/openapi</c>, installed on first use into
/// <c>.nuke/temp/openapi</c> (git-ignored) with <c>npm install --no-save</c>.
/// </summary>
public sealed class OpenApiDescription
{
    /// <summary>The pinned package version; bump deliberately and re-run the contract tests.</summary>
    public const string PackageVersion = "23.0.2";

    private const string DescriptionFile = "generated/api.github.com.json";

    private readonly List<(string Template, Regex Pattern, int Literals)> _paths;

    public OpenApiDescription()
    {
        var file = Path.Combine(NpmPackage.Ensure("@octokit/openapi", PackageVersion, "openapi"), DescriptionFile);

        using var stream = File.OpenRead(file);
        Document = JsonDocument.Parse(stream);
        Paths = Document.RootElement.GetProperty("paths");
        _paths = Paths.EnumerateObject()
            .Select(p => (p.Name, new Regex("^" + Regex.Replace(Regex.Escape(p.Name), @"\\\{(\w+)}",
                m => m.Groups[1].Value is "path" or "ref" or "basehead" or "branch" or "name" ? "(.+)" : "([^/]+)") + "$"),
                p.Name.Split('/').Count(s => s.Length > 0 && !s.StartsWith('{'))))
            .ToList();
    }

    public JsonDocument Document { get; }

    public JsonElement Paths { get; }

    public JsonElement Schemas => Document.RootElement.GetProperty("components").GetProperty("schemas");

    /// <summary>The template of the operation serving a concrete path, preferring templates with more literal segments.</summary>
    public string? MatchPath(string method, string concretePath) =>
        Api(concretePath) is var path && path != concretePath ? MatchPath(method, path) : _paths.Where(p => p.Pattern.IsMatch(concretePath) && Paths.GetProperty(p.Template).TryGetProperty(method.ToLowerInvariant(), out _))
            .OrderByDescending(p => p.Literals)
            .Select(p => p.Template)
            .FirstOrDefault();

    /// <summary>The template whose shape (parameters erased) equals a server route template's shape.</summary>
    public string? MatchTemplate(string method, string serverTemplate)
    {
        var shape = Shape(Api(serverTemplate));
        return _paths.Select(p => p.Template)
            .FirstOrDefault(t => Shape(t) == shape && Paths.GetProperty(t).TryGetProperty(method.ToLowerInvariant(), out _));
    }

    /// <summary>
    /// The path as the description names it: uploads.github.com serves the same operations as api.github.com (release
    /// assets), and the server hosts it under <c>/uploads</c>.
    /// </summary>
    private static string Api(string path) => path.StartsWith("/uploads/", StringComparison.Ordinal) ? path["/uploads".Length..] : path;

    public JsonElement Operation(string template, string method) => Paths.GetProperty(template).GetProperty(method.ToLowerInvariant());

    /// <summary>Follows <c>$ref</c> to <c>#/components/...</c>.</summary>
    public JsonElement Resolve(JsonElement element)
    {
        while (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("$ref", out var reference))
        {
            var target = Document.RootElement;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
            {
                target = target.GetProperty(part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
            }

            element = target;
        }

        return element;
    }

    private static string Shape(string template) =>
        Regex.Replace(template.TrimEnd('/'), @"\{[^}]+\}", "{}");
}
