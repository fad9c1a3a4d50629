using System.Text.RegularExpressions;
using Pipeline.Containers;
using Pipeline.Promotion.Edits;

namespace Pipeline.Promotion.Tests.Fuzz;

/// <summary>Lines a regex rule finds (<c>imageTag: "..."</c>) in values, nested maps and comments, among look-alikes.</summary>
public sealed class RegexTarget : IFuzzTarget
{
    private const string Pattern = "imageTag: \"(?<tag>[^\"\\r\\n]*)\"";

    private static readonly string[] Lines =
        ["imageTag: \"1.0.0\"", "imageTag: \"\"", "imageTag: 1.0.0", "otherTag: \"1.0.0\"", "# imageTag: \"0.9.0\" was here", "imageTags: \"x\"", "imageTag: \"a\\\"b\""];

    public string Name => "regex rule";

    public IManifestEdit Edit { get; } = new RegexEdit(Pattern);

    public string Generate(Tape tape)
    {
        var yaml = new YamlFiller(tape);
        yaml.Entries(0, 2);
        yaml.Line(tape.Pick(Lines) + yaml.Comment());
        if (tape.OneIn(2))
        {
            yaml.Line(yaml.Key() + ":").Line("  " + tape.Pick(Lines));
        }

        yaml.Entries(0, 2);
        return yaml.ToString();
    }

    public string? Judge(string text, IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after, string edited, ImageReference image)
    {
        // The text a rule must give, computed here: every match's tag group replaced, nothing else.
        var expected = new Regex(Pattern, RegexOptions.Multiline).Replace(text, m =>
            m.Value[..(m.Groups["tag"].Index - m.Index)] + image.Tag + m.Value[(m.Groups["tag"].Index - m.Index + m.Groups["tag"].Length)..]);
        if (edited != expected)
        {
            return "the text is not the original with each match's tag group replaced";
        }

        foreach (var path in YamlOracle.Differences(before, after))
        {
            if (!HelmTarget.Show(after, path).Contains(image.Tag!, StringComparison.Ordinal))
            {
                return $"{path} changed to {HelmTarget.Show(after, path)}, which is not the new tag";
            }
        }

        return null;
    }
}
