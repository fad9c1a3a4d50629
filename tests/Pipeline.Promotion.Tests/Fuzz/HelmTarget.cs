using System.Text.RegularExpressions;
using Pipeline.Containers;
using Pipeline.Promotion.Edits;

namespace Pipeline.Promotion.Tests.Fuzz;

/// <summary>Helm values with <c>image.tag</c> in any style, among repository, pullPolicy and digest keys.</summary>
public sealed partial class HelmTarget : IFuzzTarget
{
    private static readonly string[] Tags = ["\"1.0.0\"", "'1.0.0'", "1.0.0", "1234567", "\"\"", "~", "", "\"1.0.0\" # pinned by CI", "!!str 1.0", "&t \"1.0.0\"", "|-\n    1.0.0"];

    public string Name => "helm values (image.tag)";

    public IManifestEdit Edit { get; } = HelmValuesEdit.ForTag("image.tag");

    public string Generate(Tape tape)
    {
        var yaml = new YamlFiller(tape);
        if (tape.OneIn(4))
        {
            yaml.Line("---" + yaml.Comment());
        }

        yaml.Entries(0, 3);
        if (tape.OneIn(5))
        {
            yaml.Line($"image: {{repository: ghcr.io/org/app, tag: {tape.Pick(new[] { "\"1.0.0\"", "1.0.0", "'1.0.0'" })}}}{yaml.Comment()}");
        }
        else if (!tape.OneIn(12))
        {
            var indent = new string(' ', tape.OneIn(3) ? 4 : 2);
            yaml.Line("image:" + (tape.OneIn(6) ? " &img" : "") + yaml.Comment());
            var lines = new List<string> { $"{indent}repository: ghcr.io/org/app", $"{indent}tag: {tape.Pick(Tags)}{yaml.Comment()}", $"{indent}pullPolicy: IfNotPresent" };
            if (tape.OneIn(3))
            {
                lines.Add($"{indent}digest: \"\"");
            }

            foreach (var line in lines.OrderBy(_ => tape.Next(100)))
            {
                yaml.Line(line);
            }
        }

        yaml.Entries(0, 3);
        if (tape.OneIn(6))
        {
            yaml.Line($"{yaml.Key()}: *{(tape.OneIn(2) ? "img" : "t")}");
        }

        return yaml.ToString();
    }

    public string? Judge(string text, IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after, string edited, ImageReference image)
    {
        foreach (var path in YamlOracle.Differences(before, after))
        {
            if (!TagPath().IsMatch(path))
            {
                return $"{path} changed ({Show(before, path)} -> {Show(after, path)}), which is not image.tag";
            }

            if (Show(after, path) != YamlOracle.String(image.Tag!))
            {
                return $"{path} is {Show(after, path)}, expected the string {image.Tag}";
            }
        }

        return null;
    }

    internal static string Show(IReadOnlyDictionary<string, string> meaning, string path) => meaning.TryGetValue(path, out var value) ? value : "(absent)";

    [GeneratedRegex(@"^\d+/image/tag$")]
    private static partial Regex TagPath();
}
