using System.Text.Json;
using Pipeline.Benchmarks.Measuring;

namespace Pipeline.Benchmarks.Yaml;

/// <summary>
/// The npm <c>yaml</c> package doing the same rounds (<c>node/edit.mjs</c>). npm installs the version pinned in
/// <c>node/package.json</c> into the git-ignored <c>node/node_modules</c> the first time.
/// </summary>
internal static class NodeEditor
{
    public const string ScriptFolder = "benchmarks/Pipeline.Benchmarks/Yaml/node";

    public static async Task EnsureInstalledAsync(string root, Action<string> log, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(root, ScriptFolder);
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "yaml")))
        {
            log($"Installing the npm yaml package into {ScriptFolder}/node_modules ...");
            await ProcessRuns.RunAsync("npm", ["install", "--no-audit", "--no-fund", "--no-package-lock"], folder, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs the script with <paramref name="rounds"/> rounds; returns each round's milliseconds and the process's wall time.</summary>
    public static async Task<(List<double> Rounds, TimeSpan Process)> RunAsync(string root, string tree, string plan, string output, int rounds, CancellationToken cancellationToken)
    {
        var outcome = await ProcessRuns.RunAsync("node", ["edit.mjs", tree, plan, output, rounds.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            Path.Combine(root, ScriptFolder), cancellationToken: cancellationToken).ConfigureAwait(false);
        var report = JsonSerializer.Deserialize(outcome.Output.Trim().Split('\n')[^1], BenchmarkJson.Default.NodeReport)
            ?? throw new BenchmarkException("node edit.mjs printed no report.");
        return (report.Milliseconds, outcome.Elapsed);
    }
}
