using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Pipeline.Benchmarks.Results;

namespace Pipeline.Benchmarks.Measuring;

/// <summary>Where the figures come from: cores, CPU, memory, system, load, and the versions of every tool compared.</summary>
internal static partial class MachineInfo
{
    public static MachineFacts Facts() => new(
        Environment.ProcessorCount,
        Read("/proc/cpuinfo", CpuModel()) ?? RuntimeInformation.ProcessArchitecture.ToString(),
        Math.Round((Read("/proc/meminfo", MemTotal()) is { } kib ? double.Parse(kib, CultureInfo.InvariantCulture) : 0) / 1024 / 1024, 1),
        Read("/etc/os-release", PrettyName()) ?? RuntimeInformation.OSDescription,
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a");

    /// <summary>Versions of .NET, Docker (engine and both clients), git, node and the npm yaml package.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> VersionsAsync(string root)
    {
        var versions = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [".NET runtime"] = RuntimeInformation.FrameworkDescription,
            ["dotnet SDK"] = await ProcessRuns.TryReadAsync("dotnet", "--version").ConfigureAwait(false) ?? "not found",
            ["git"] = (await ProcessRuns.TryReadAsync("git", "--version").ConfigureAwait(false))?.Replace("git version ", "", StringComparison.Ordinal) ?? "not found",
            ["node"] = await ProcessRuns.TryReadAsync("node", "--version").ConfigureAwait(false) ?? "not found",
            ["yaml (npm)"] = YamlPackageVersion(root) ?? "not installed",
            ["docker engine"] = await ProcessRuns.TryReadAsync("docker", "version", "--format", "{{.Server.Version}}").ConfigureAwait(false) ?? "not found",
            ["docker CLI"] = await ProcessRuns.TryReadAsync("docker", "version", "--format", "{{.Client.Version}}").ConfigureAwait(false) ?? "not found",
        };
        if (File.Exists(Tools.BuildKitDocker) && await ProcessRuns.TryReadAsync(Tools.BuildKitDocker, "version", "--format", "{{.Client.Version}}").ConfigureAwait(false) is { } client)
        {
            versions["docker CLI " + Tools.BuildKitDocker] = client;
        }

        versions["docker buildx"] = await Tools.BuildxVersionAsync().ConfigureAwait(false) ?? "not installed";
        return versions;
    }

    /// <summary>The installed version of the npm yaml package the YAML suite compares with.</summary>
    public static string? YamlPackageVersion(string root)
    {
        var manifest = Path.Combine(root, Yaml.NodeEditor.ScriptFolder, "node_modules", "yaml", "package.json");
        return File.Exists(manifest) && VersionField().Match(File.ReadAllText(manifest)) is { Success: true } match ? match.Groups[1].Value : null;
    }

    private static string? Read(string path, Regex pattern) =>
        File.Exists(path) && pattern.Match(File.ReadAllText(path)) is { Success: true } match ? match.Groups[1].Value.Trim().Trim('"') : null;

    [GeneratedRegex(@"^model name\s*:\s*(.+)$", RegexOptions.Multiline)]
    private static partial Regex CpuModel();

    [GeneratedRegex(@"^MemTotal:\s*(\d+)", RegexOptions.Multiline)]
    private static partial Regex MemTotal();

    [GeneratedRegex(@"^PRETTY_NAME=(.+)$", RegexOptions.Multiline)]
    private static partial Regex PrettyName();

    [GeneratedRegex(@"""version""\s*:\s*""([^""]+)""")]
    private static partial Regex VersionField();
}
