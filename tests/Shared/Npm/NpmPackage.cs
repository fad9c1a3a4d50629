using System.Text.Json;

namespace Pipeline.Tests.Shared;

/// <summary>
/// An npm package installed on first use into <c>.nuke/temp/{folder}</c> (git-ignored) with
/// <c>npm install --no-save</c>, re-installed when the pinned version changes. Test projects run at once and share
/// the folder, so the check and the install hold a lock file beside it: no project reads a package another is
/// still installing.
/// </summary>
internal static class NpmPackage
{
    public static string Ensure(string name, string version, string folderName)
    {
        var folder = Path.Combine(RepositoryRoot(), ".nuke", "temp", folderName);
        var package = Path.Combine(folder, "node_modules", name);
        using var gate = Lock(folder + ".lock");
        if (InstalledVersion(package) != version)
        {
            Install(folder, name + "@" + version);
        }

        return package;
    }

    private static FileStream Lock(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        for (var waited = TimeSpan.Zero; ; waited += TimeSpan.FromMilliseconds(200))
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (waited < TimeSpan.FromMinutes(10))
            {
                Thread.Sleep(200);
            }
        }
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
        var request = new ProcessRequest("npm", ["install", "--no-save", "--no-audit", "--no-fund", "--prefix", folder, spec])
        {
            Fix = $"The contract tests need {spec}: check that the npm registry is reachable, or install Node.js/npm and run: npm install --no-save --prefix {folder} {spec}",
        };
        ProcessRunner.RunAsync(request).GetAwaiter().GetResult();
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
