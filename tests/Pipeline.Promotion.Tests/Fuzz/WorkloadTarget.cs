using System.Text.RegularExpressions;
using Pipeline.Containers;
using Pipeline.Promotion.Edits;

namespace Pipeline.Promotion.Tests.Fuzz;

/// <summary>One to three documents of any workload kind (and some that are none), with the container among others.</summary>
public sealed partial class WorkloadTarget : IFuzzTarget
{
    private static readonly Dictionary<string, string[]> PodSpecs = new()
    {
        ["Pod"] = ["spec"],
        ["Deployment"] = ["spec", "template", "spec"],
        ["StatefulSet"] = ["spec", "template", "spec"],
        ["DaemonSet"] = ["spec", "template", "spec"],
        ["ReplicaSet"] = ["spec", "template", "spec"],
        ["ReplicationController"] = ["spec", "template", "spec"],
        ["Job"] = ["spec", "template", "spec"],
        ["Rollout"] = ["spec", "template", "spec"],
        ["CronJob"] = ["spec", "jobTemplate", "spec", "template", "spec"],
        ["ConfigMap"] = ["data"],
    };

    private static readonly string[] Names = ["app", "sidecar", "app-init", "App"];
    private static readonly string[] Images = ["ghcr.io/org/app:1.0.0", "\"ghcr.io/org/app:1.0.0\"", "'ghcr.io/org/app@sha256:" + new string('1', 64) + "'", "nginx:1.25", "ghcr.io/org/app"];

    public string Name => "container in any workload kind";

    public IManifestEdit Edit { get; } = new ContainerImageEdit("app");

    public string Generate(Tape tape)
    {
        var yaml = new YamlFiller(tape);
        for (var documents = 1 + tape.Next(3); documents > 0; documents--)
        {
            var kind = tape.Pick(PodSpecs.Keys.ToList());
            yaml.Line("apiVersion: apps/v1").Line("kind: " + kind + yaml.Comment()).Line("metadata:").Line("  name: web-" + tape.Next(10));
            var path = PodSpecs[kind];
            for (var depth = 0; depth < path.Length; depth++)
            {
                yaml.Line(new string(' ', depth * 2) + path[depth] + ":");
                if (depth == path.Length - 1)
                {
                    var pad = new string(' ', (depth + 1) * 2);
                    if (tape.OneIn(3))
                    {
                        Containers(yaml, tape, pad, "initContainers");
                    }

                    Containers(yaml, tape, pad, "containers");
                    yaml.Entries((depth + 1) * 2, 1, 2);
                }
            }

            yaml.Line(tape.OneIn(5) ? "--- # next" : "---");
        }

        return yaml.ToString();
    }

    public string? Judge(string text, IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after, string edited, ImageReference image)
    {
        foreach (var path in YamlOracle.Differences(before, after))
        {
            var match = ImagePath().Match(path);
            var kind = match.Success ? HelmTarget.Show(before, match.Groups["doc"].Value + "/kind") : "";
            var expectedSpec = kind.StartsWith("str:", StringComparison.Ordinal) && PodSpecs.TryGetValue(kind[4..], out var spec) && kind != "str:ConfigMap"
                ? match.Groups["doc"].Value + "/" + string.Join('/', spec)
                : null;
            if (expectedSpec is null || match.Groups["spec"].Value != expectedSpec || HelmTarget.Show(before, match.Groups["item"].Value + "/name") != YamlOracle.String("app"))
            {
                return $"{path} changed ({HelmTarget.Show(before, path)} -> {HelmTarget.Show(after, path)}), which is not the image of container 'app' in a workload's pod spec";
            }

            if (!HelmTarget.Show(after, path).EndsWith($":{image.Tag}@{image.Digest}", StringComparison.Ordinal) || !HelmTarget.Show(after, path).StartsWith("str:", StringComparison.Ordinal))
            {
                return $"{path} is {HelmTarget.Show(after, path)}, expected a string pinning {image.Tag}@{image.Digest}";
            }
        }

        return null;
    }

    private static void Containers(YamlFiller yaml, Tape tape, string pad, string key)
    {
        yaml.Line(pad + key + ":" + yaml.Comment());
        var dash = tape.OneIn(2) ? pad + "- " : pad + "  - ";
        var under = new string(' ', dash.Length);
        for (var n = 1 + tape.Next(3); n > 0; n--)
        {
            if (tape.OneIn(6))
            {
                yaml.Line($"{dash}{{name: {tape.Pick(Names)}, image: {tape.Pick(Images)}}}");
                continue;
            }

            var lines = new[] { $"name: {tape.Pick(Names)}", $"image: {tape.Pick(Images)}{yaml.Comment()}", "imagePullPolicy: IfNotPresent" }.OrderBy(_ => tape.Next(100)).ToList();
            yaml.Line(dash + lines[0]);
            foreach (var line in lines.Skip(1))
            {
                yaml.Line(under + line);
            }
        }
    }

    [GeneratedRegex(@"^(?<item>(?<spec>(?<doc>\d+)(/[^/]+)*)/(containers|initContainers)/\d+)/image$")]
    private static partial Regex ImagePath();
}
