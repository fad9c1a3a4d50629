namespace Pipeline.Benchmarks.Tests;

/// <summary>The repository these tests run in.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, ".nuke")) && File.Exists(Path.Combine(directory.FullName, "README.md")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No repository root (a folder with .nuke/ and README.md) above " + AppContext.BaseDirectory);
    }
}
