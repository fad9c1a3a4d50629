using System.Globalization;
using Pipeline.Benchmarks.Measuring;

namespace Pipeline.Benchmarks.Tool;

/// <summary>The shipping forms made for one invocation: what to measure for size, and how to start each.</summary>
internal sealed record ToolForms(IReadOnlyList<(string Id, string Path)> Sizes, IReadOnlyList<(string Id, string Program, string[] Prefix)> Starts)
{
    /// <summary>
    /// Packs the tool under a version no earlier run used (so nothing comes from a cache), installs it into a tool path,
    /// primes <c>dnx</c> with it, and publishes both single-file binaries, all into <paramref name="work"/>.
    /// </summary>
    public static async Task<ToolForms> MakeAsync(BenchmarkSettings settings, string work, IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken)
    {
        var project = Path.Combine(settings.Root, "src", "Pipeline.Tool");
        var version = string.Create(CultureInfo.InvariantCulture, $"0.0.0-bench.{DateTime.UtcNow:yyyyMMddHHmmss}");
        var feed = Path.Combine(work, "feed");
        var packages = Path.Combine(work, "packages");
        // A NuGet cache of its own: dnx and tool install read the package from it, and it goes away with the run.
        var isolated = new Dictionary<string, string?>(environment) { ["NUGET_PACKAGES"] = packages };

        async Task Run(string what, string program, params string[] arguments)
        {
            settings.Log($"  {what}");
            await ProcessRuns.RunAsync(program, arguments, work, isolated, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        await Run("dotnet pack src/Pipeline.Tool", "dotnet", "pack", project, "-c", "Release", "-o", feed, $"-p:Version={version}", "-nologo", "-v", "q");
        var tools = Path.Combine(work, "tool");
        await Run("dotnet tool install Pipeline.Tool --tool-path", "dotnet", "tool", "install", "Pipeline.Tool", "--version", version, "--tool-path", tools, "--add-source", feed);
        var dnx = Path.Combine(Path.GetDirectoryName(DotNetHost())!, "dnx");
        string[] dnxPrefix = [$"Pipeline.Tool@{version}", "--source", feed, "--yes", "--"];
        await Run("dnx Pipeline.Tool (download into the cache)", dnx, [.. dnxPrefix, "--version"]);
        foreach (var runtime in new[] { "linux-x64", "linux-arm64" })
        {
            await Run($"dotnet publish -r {runtime} -p:PublishSingleFile=true", "dotnet",
                "publish", project, "-c", "Release", "-r", runtime, "-p:PublishSingleFile=true", $"-p:Version={version}", "-o", Path.Combine(work, runtime), "-nologo", "-v", "q");
        }

        var single = Path.Combine(work, "linux-x64", "pipeline");
        return new ToolForms(
            [
                ("dotnet-tool", tools),
                ("dnx", Path.Combine(feed, $"Pipeline.Tool.{version}.nupkg")),
                ("single-file-x64", single),
                ("single-file-arm64", Path.Combine(work, "linux-arm64", "pipeline")),
            ],
            [
                ("dotnet-tool", Path.Combine(tools, "pipeline"), []),
                ("dnx", dnx, dnxPrefix),
                ("single-file-x64", single, []),
            ]);
    }

    /// <summary>The bytes of a file, or of every file under a folder.</summary>
    public static long SizeOf(string path) =>
        Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length)
            : new FileInfo(path).Length;

    /// <summary>The dotnet executable behind the one on PATH (dnx sits next to it in the .NET installation).</summary>
    private static string DotNetHost()
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, "dotnet");
            if (File.Exists(candidate))
            {
                return new FileInfo(candidate).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? candidate;
            }
        }

        throw new BenchmarkException("No dotnet on PATH: the tool suite packs and publishes with the .NET SDK.");
    }
}
