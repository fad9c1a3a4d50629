using System.Diagnostics;
using System.Text.Json;

namespace Pipeline.Rehearsal.Tests.GitHub.Contract;

/// <summary>
/// An npm package installed on first use into <c>.nuke/temp/{folder}</c> (git-ignored) with
/// <c>npm install --no-save</c>, re-installed when the pinned version changes.
/// </summary>
public static class NpmPackage
{
    public static string Ensure(string name, string version, string folderName)
    {
        var folder = Path.Combine(RepositoryRoot(), ".nuke", "temp", folderName);
        var package = Path.Combine(folder, "node_modules", name);
        if (InstalledVersion(package) != version)
        {
            Install(folder, name + "@" + version);
        }

        return package;
    }

    private static string InstalledVersion(string package)
    {
        var manifest = Path.Combine(package, "package.json");
        if (!File.Exists(manifest))
        {
            return "";
        }

        using var json = JsonDocument.Parse(File.ReadAllText(manifest));
        return json.RootElement.GetProperty("version").GetString() ?? "";
    }

    private static void Install(string folder, string spec)
    {
        Directory.CreateDirectory(folder);
        var info = new ProcessStartInfo("npm")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "install", "--no-save", "--no-audit", "--no-fund", "--prefix", folder, spec })
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
                    $"npm could not install {spec} into {folder} (exit {process.ExitCode}): {error.Result}. " +
                    "Check that the npm registry is reachable, or install it there by hand.");
            }
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                $"The contract tests need {spec} and npm to fetch it. Install Node.js/npm, or run: " +
                $"npm install --no-save --prefix {folder} {spec}", e);
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
