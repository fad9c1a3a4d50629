using System.Text.Json;

namespace Promotion.Benchmark;

/// <summary>
/// Installs the npm <c>yaml</c> package into <c>node/node_modules</c> next to the script (git-ignored) and runs
/// the same plan with its Document API.
/// </summary>
internal static class NodeRunner
{
    public static (double BestMilliseconds, double FirstMilliseconds, List<byte[]> Outputs) Run(List<GeneratedFile> files, string treeDirectory, string planPath, string outDirectory, int rounds)
    {
        var scriptDirectory = ScriptDirectory();
        if (!Directory.Exists(Path.Combine(scriptDirectory, "node_modules", "yaml")))
        {
            Console.WriteLine($"Installing the npm yaml package into {scriptDirectory}/node_modules ...");
            Execute("npm", scriptDirectory, "install", "--no-audit", "--no-fund", "--no-package-lock");
        }

        var output = Execute("node", scriptDirectory, "bench.mjs", treeDirectory, planPath, outDirectory, rounds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var report = JsonSerializer.Deserialize(output.Trim().Split('\n')[^1], BenchmarkJson.Default.NodeReport)
            ?? throw new InvalidOperationException("node printed no report");
        return (report.BestMilliseconds, report.FirstMilliseconds, files.Select(f => File.ReadAllBytes(Path.Combine(outDirectory, f.Path))).ToList());
    }

    /// <summary>The source folder's <c>node/</c> (so node_modules lands in the git-ignored folder beside bench.mjs).</summary>
    private static string ScriptDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "node", "bench.mjs");
            if (File.Exists(candidate) && File.Exists(Path.Combine(directory.FullName, "Promotion.Benchmark.csproj")))
            {
                return Path.GetDirectoryName(candidate)!;
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "node");
    }

    private static string Execute(string program, string directory, params string[] arguments) =>
        ProcessRunner.RunAsync(new ProcessRequest(program, arguments) { WorkingDirectory = directory }).GetAwaiter().GetResult().StandardOutput;
}
