using System.Text.RegularExpressions;
using Pipeline.Containers;
using Pipeline.Promotion.Edits;

namespace Pipeline.Promotion.Tests.Fuzz;

/// <summary>A kustomization whose <c>images:</c> list holds the app's entry among others, in block or flow style.</summary>
public sealed partial class KustomizeTarget : IFuzzTarget
{
    private const string App = "ghcr.io/org/app";

    public string Name => "kustomize images";

    public IManifestEdit Edit { get; } = new KustomizeImageEdit(App);

    public string Generate(Tape tape)
    {
        var yaml = new YamlFiller(tape);
        yaml.Line("apiVersion: kustomize.config.k8s.io/v1beta1").Line("kind: Kustomization" + yaml.Comment());
        yaml.Entries(0, 2);
        yaml.Line("resources:").Line("- deployment.yaml").Line("- service.yaml");
        var dash = tape.OneIn(2) ? "- " : "  - ";
        var under = new string(' ', dash.Length);
        yaml.Line("images:" + yaml.Comment());
        var entries = new List<Action>
        {
            () => yaml.Line($"{dash}name: nginx").Line($"{under}newTag: \"1.25\""),
            () => yaml.Line($"{dash}name: {App}-sidecar").Line($"{under}newTag: 0.1"),
        };
        for (var n = tape.OneIn(8) ? 0 : tape.OneIn(8) ? 2 : 1; n > 0; n--)
        {
            entries.Add(() => AppEntry(yaml, tape, dash, under));
        }

        foreach (var entry in entries.OrderBy(_ => tape.Next(100)))
        {
            entry();
        }

        yaml.Entries(0, 2);
        return yaml.ToString();
    }

    public string? Judge(string text, IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after, string edited, ImageReference image)
    {
        foreach (var path in YamlOracle.Differences(before, after))
        {
            var match = AppKey().Match(path);
            if (!match.Success || HelmTarget.Show(before, match.Groups["item"].Value + "/name") != YamlOracle.String(App))
            {
                return $"{path} changed ({HelmTarget.Show(before, path)} -> {HelmTarget.Show(after, path)}), which is no key of the images entry named {App}";
            }

            var expected = match.Groups["key"].Value switch
            {
                "newTag" => image.Tag!,
                "digest" => image.Digest!.ToString(),
                _ => App,
            };
            if (HelmTarget.Show(after, path) != YamlOracle.String(expected))
            {
                return $"{path} is {HelmTarget.Show(after, path)}, expected the string {expected}";
            }
        }

        return null;
    }

    private static void AppEntry(YamlFiller yaml, Tape tape, string dash, string under)
    {
        if (tape.OneIn(5))
        {
            yaml.Line($"{dash}{{name: {App}, newTag: \"1.0.0\"}}");
            return;
        }

        yaml.Line($"{dash}name: {(tape.OneIn(4) ? "\"" + App + "\"" : App)}{yaml.Comment()}");
        foreach (var line in new[] { $"newName: {App}", "newTag: \"1.0.0\"", "newTag: 1.0.0", $"digest: sha256:{new string('0', 64)}" }.Where(_ => tape.OneIn(2)).Take(3))
        {
            yaml.Line(under + line + yaml.Comment());
        }
    }

    [GeneratedRegex(@"^(?<item>\d+/images/\d+)/(?<key>newName|newTag|digest)$")]
    private static partial Regex AppKey();
}
