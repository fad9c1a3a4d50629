using System.Text.Json;
using Pipeline.Processes;

namespace Pipeline.Tool.Tests;

/// <summary>
/// GitHub's own workflow parser, the npm package <c>@actions/workflow-parser</c>, installed on first use into
/// <c>.nuke/temp/workflow-parser</c> (git-ignored) with <c>npm install --no-save</c>, never committed.
/// </summary>
internal static class WorkflowParser
{
    public const string PackageVersion = "0.3.61";

    private static readonly Lazy<string> Folder = new(Install);

    public sealed record Result(string File, IReadOnlyList<string> Errors, IReadOnlyList<string> Jobs, IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs);

    public static IReadOnlyList<Result> Check(IEnumerable<string> files)
    {
        var folder = Folder.Value;
        var (code, output) = Run("node", folder, ["--import", "./register.mjs", "check.mjs", .. files]);
        if (code != 0)
        {
            throw new InvalidOperationException($"The workflow parser failed (exit {code}): {output}");
        }

        using var json = JsonDocument.Parse(output);
        static IReadOnlyList<string> Strings(JsonElement e, string name) =>
            e.TryGetProperty(name, out var list) ? list.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
        return json.RootElement.EnumerateArray().Select(e => new Result(e.GetProperty("file").GetString()!, Strings(e, "errors"), Strings(e, "jobs"), Strings(e, "inputs"), Strings(e, "outputs"))).ToList();
    }

    private static string Install()
    {
        var folder = Path.Combine(ToolRun.RepositoryRoot, ".nuke", "temp", "workflow-parser");
        Directory.CreateDirectory(folder);
        foreach (var script in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "WorkflowParser"), "*.mjs"))
        {
            File.Copy(script, Path.Combine(folder, Path.GetFileName(script)), overwrite: true);
        }

        if (!File.Exists(Path.Combine(folder, "node_modules", "@actions", "workflow-parser", "package.json")))
        {
            var (code, output) = Run("npm", folder, ["install", "--no-save", "--no-audit", "--no-fund", "--prefix", folder, $"@actions/workflow-parser@{PackageVersion}"]);
            if (code != 0)
            {
                throw new InvalidOperationException($"npm could not install @actions/workflow-parser@{PackageVersion} into {folder} (exit {code}): {output}. Install Node.js and npm, and check that the npm registry is reachable.");
            }
        }
        return folder;
    }

    private static (int Code, string Output) Run(string file, string directory, IEnumerable<string> arguments)
    {
        var result = ProcessRunner.RunAsync(new ProcessRequest(file, [.. arguments]) { WorkingDirectory = directory, ThrowOnFailure = false }).GetAwaiter().GetResult();
        return (result.ExitCode, result.StandardOutput + result.StandardError);
    }
}
