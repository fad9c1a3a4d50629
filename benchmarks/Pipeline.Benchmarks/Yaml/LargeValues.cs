using System.Globalization;
using System.Text;

namespace Pipeline.Benchmarks.Yaml;

/// <summary>
/// A Helm values file of about a given size for the scale curve: many services (comments, flow mappings, lists,
/// block scalars), and the value to pin, <c>backend.image</c>, last, so a tool has to read the whole file to find it.
/// </summary>
internal static class LargeValues
{
    public static (string Text, PlanEntry Edit) Generate(int bytes, string file)
    {
        var text = new StringBuilder("# values for the platform chart: generated for the scale benchmark\n");
        for (var i = 0; text.Length < bytes - 200; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"svc-{i:D6}");
            text.Append("# ").Append(name).Append(": owned by team ").Append(i % 7).Append(", see the runbook\n")
                .Append(name).Append(":\n")
                .Append("  enabled: ").Append(i % 3 == 0 ? "false" : "true").Append('\n')
                .Append("  image: {repository: ghcr.io/example-org/").Append(name).Append(", tag: \"0.9.").Append(i % 10).Append("\"}\n")
                .Append("  env:\n    - {name: MODE, value: fast}\n")
                .Append("  notes: |\n    keep: the tag above\n");
        }

        text.Append("backend:\n  image:\n    repository: ghcr.io/example-org/backend\n    tag: \"0.9.0\"  # pinned by CI\n    digest: \"\"\n");
        var edit = new PlanEntry { File = file, Kind = "helm", Path = "backend.image", Repository = "ghcr.io/example-org/backend", Tag = GitOpsTree.Tag, Digest = GitOpsTree.Digest };
        return (text.ToString(), edit);
    }
}
