using System.Runtime.CompilerServices;

namespace Pipeline.Targets.Tests;

/// <summary>Compares text with a file under Golden/; set UPDATE_GOLDEN=1 to rewrite the files.</summary>
internal static class Golden
{
    public static void Match(string actual, string name, [CallerFilePath] string caller = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(caller)!, "Golden", name);
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";
        if (System.Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        File.Exists(path).Should().BeTrue($"golden file {name} should exist (run with UPDATE_GOLDEN=1 to create it)");
        actual.Should().Be(File.ReadAllText(path));
    }
}
