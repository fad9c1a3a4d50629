using System.Text.RegularExpressions;
using System.Xml.Linq;
using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>A test project of the solution.</summary>
/// <param name="Name">The project's name (its file name without extension), as results and progress lines show it.</param>
/// <param name="File">The project file.</param>
internal sealed record TestProject(string Name, AbsolutePath File);

/// <summary>The test projects a solution lists: those that reference <c>Microsoft.NET.Test.Sdk</c> or say <c>IsTestProject</c>.</summary>
internal static partial class TestProjects
{
    public static IReadOnlyList<TestProject> Find(AbsolutePath solution)
    {
        var folder = Path.GetDirectoryName(solution.ToString())!;
        var text = System.IO.File.ReadAllText(solution);
        var paths = solution.ToString().EndsWith(".slnx", StringComparison.OrdinalIgnoreCase)
            ? XDocument.Parse(text).Descendants().Where(e => e.Name.LocalName == "Project").Select(e => (string?)e.Attribute("Path")).OfType<string>()
            : SlnProject().Matches(text).Select(m => m.Groups["path"].Value);
        return paths
            .Select(p => Path.GetFullPath(Path.Combine(folder, p.Replace('\\', Path.DirectorySeparatorChar))))
            .Where(System.IO.File.Exists)
            .Where(IsTestProject)
            .Select(p => new TestProject(Path.GetFileNameWithoutExtension(p), AbsolutePath.Create(p)))
            .ToList();
    }

    private static bool IsTestProject(string path)
    {
        var project = System.IO.File.ReadAllText(path);
        return project.Contains("Microsoft.NET.Test.Sdk", StringComparison.OrdinalIgnoreCase)
            || project.Contains("<IsTestProject>true</IsTestProject>", StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"^Project\(""[^""]*""\)\s*=\s*""[^""]*"",\s*""(?<path>[^""]+\.(cs|fs|vb)proj)""", RegexOptions.Multiline)]
    private static partial Regex SlnProject();
}
