using System.Reflection;
using PublicApiGenerator;

namespace Pipeline.Tests.Shared;

/// <summary>
/// The public surface of a package as C# declarations (PublicApiGenerator: types, members, attributes and
/// nullability), compared with PublicApi.txt beside the test project so that changes to a package's API are
/// deliberate. Set UPDATE_PUBLIC_API=1 to rewrite the snapshot.
/// </summary>
internal static class PublicApi
{
    private static readonly ApiGeneratorOptions Options = new()
    {
        IncludeAssemblyAttributes = false,
        TreatRecordsAsClasses = false,
    };

    public static string Describe(Assembly assembly) => assembly.GeneratePublicApi(Options).ReplaceLineEndings("\n") + "\n";

    /// <summary>Compares with <c>PublicApi.txt</c> in the folder of the calling test file.</summary>
    public static void VerifyBesideCaller(Assembly assembly, [System.Runtime.CompilerServices.CallerFilePath] string caller = "") =>
        Verify(assembly, Path.Combine(Path.GetDirectoryName(caller)!, "PublicApi.txt"), Environment.GetEnvironmentVariable("UPDATE_PUBLIC_API") == "1");

    public static void Verify(Assembly assembly, string snapshotPath, bool rewrite)
    {
        var actual = Describe(assembly);
        var update = $"UPDATE_PUBLIC_API=1 dotnet test tests/{Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(snapshotPath)))} --filter PublicApi";
        if (rewrite)
        {
            File.WriteAllText(snapshotPath, actual);
        }

        if (!File.Exists(snapshotPath))
        {
            throw new InvalidOperationException($"No public API snapshot at {snapshotPath}; create it with: {update}");
        }

        var expected = File.ReadAllText(snapshotPath).ReplaceLineEndings("\n");
        if (expected != actual)
        {
            var actualLines = actual.Split('\n');
            var expectedLines = expected.Split('\n');
            var added = actualLines.Except(expectedLines).Take(20);
            var removed = expectedLines.Except(actualLines).Take(20);
            throw new InvalidOperationException(
                $"The public API of {assembly.GetName().Name} differs from {snapshotPath}. If the change is deliberate, " +
                $"regenerate the snapshot with: {update}\n" +
                "Added:\n  " + string.Join("\n  ", added) + "\nRemoved:\n  " + string.Join("\n  ", removed));
        }
    }
}
