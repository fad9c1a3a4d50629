using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Pipeline.Rehearsal.Tests.GitHub.Contract;

/// <summary>
/// GitHub's official OpenAPI description from the npm package <c>@octokit/openapi</c>, installed on first use into
/// <c>.nuke/temp/openapi</c> (git-ignored) with <c>npm install --no-save</c>.
/// </summary>
public sealed class OpenApiDescription
{
    /// <summary>The pinned package version; bump deliberately and re-run the contract tests.</summary>
    public const string PackageVersion = "23.0.2";

    private const string DescriptionFile = "node_modules/@octokit/openapi/generated/api.github.com.json";

    private readonly List<(string Template, Regex Pattern, int Literals)> _paths;

    public OpenApiDescription()
    {
        var folder = Path.Combine(RepositoryRoot(), ".nuke", "temp", "openapi");
        var file = Path.Combine(folder, DescriptionFile);
        if (!File.Exists(file) || !InstalledVersion(folder).Equals(PackageVersion, StringComparison.Ordinal))
        {
            Install(folder);
        }

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
        _paths.Where(p => p.Pattern.IsMatch(concretePath) && Paths.GetProperty(p.Template).TryGetProperty(method.ToLowerInvariant(), out _))
            .OrderByDescending(p => p.Literals)
            .Select(p => p.Template)
            .FirstOrDefault();

    /// <summary>The template whose shape (parameters erased) equals a server route template's shape.</summary>
    public string? MatchTemplate(string method, string serverTemplate)
    {
        var shape = Shape(serverTemplate);
        return _paths.Select(p => p.Template)
            .FirstOrDefault(t => Shape(t) == shape && Paths.GetProperty(t).TryGetProperty(method.ToLowerInvariant(), out _));
    }

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

    private static string InstalledVersion(string folder)
    {
        var manifest = Path.Combine(folder, "node_modules/@octokit/openapi/package.json");
        if (!File.Exists(manifest))
        {
            return "";
        }

        using var json = JsonDocument.Parse(File.ReadAllText(manifest));
        return json.RootElement.GetProperty("version").GetString() ?? "";
    }

    private static void Install(string folder)
    {
        Directory.CreateDirectory(folder);
        var info = new ProcessStartInfo("npm")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "install", "--no-save", "--no-audit", "--no-fund", "--prefix", folder, "@octokit/openapi@" + PackageVersion })
        {
            info.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(info)!;
            var error = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"npm could not install @octokit/openapi@{PackageVersion} into {folder} (exit {process.ExitCode}): {error.Result}. " +
                    "Check that the npm registry is reachable, or install it there by hand.");
            }
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                $"The contract tests need GitHub's OpenAPI description (@octokit/openapi@{PackageVersion}) and npm to fetch it. " +
                $"Install Node.js/npm, or run: npm install --no-save --prefix {folder} @octokit/openapi@{PackageVersion}", e);
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Pipeline.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException(
            $"No Pipeline.sln above {AppContext.BaseDirectory}; run the tests from the repository checkout.");
    }
}
