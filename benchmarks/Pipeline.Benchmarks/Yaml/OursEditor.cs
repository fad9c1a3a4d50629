using System.Diagnostics;
using System.Text.Json;
using Pipeline.Containers;
using Pipeline.Promotion.Edits;

namespace Pipeline.Benchmarks.Yaml;

/// <summary>
/// Pipeline.Promotion's edits doing what the node script does, round for round: read every file of the plan, apply
/// its edit (locate, splice, re-parse and verify), write the result. <c>edit TREE PLAN OUT</c> runs one round in a new
/// process, which is the cold case; <see cref="Rounds"/> times rounds in this warm process.
/// </summary>
internal static class OursEditor
{
    public static void EditOnce(string tree, string planPath, string output) => Round(tree, Load(planPath), output);

    /// <summary>One untimed warm-up round, then <paramref name="rounds"/> timed ones, in milliseconds.</summary>
    public static List<double> Rounds(string tree, string planPath, string output, int rounds)
    {
        var plan = Load(planPath);
        Round(tree, plan, output);
        var times = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            var clock = Stopwatch.StartNew();
            Round(tree, plan, output);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    private static List<PlanEntry> Load(string planPath) =>
        JsonSerializer.Deserialize(File.ReadAllText(planPath), BenchmarkJson.Default.ListPlanEntry) ?? throw new BenchmarkException($"{planPath} holds no plan.");

    private static void Round(string tree, List<PlanEntry> plan, string output)
    {
        foreach (var entry in plan)
        {
            var document = ManifestDocument.FromBytes(entry.File, File.ReadAllBytes(Path.Combine(tree, entry.File)));
            var result = Edit(entry).Apply(document, ImageReference.Parse(Reference(entry)));
            var target = Path.Combine(output, entry.File);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, result.Document.ToBytes());
        }
    }

    private static IManifestEdit Edit(PlanEntry entry) => entry.Kind switch
    {
        "helm" => HelmValuesEdit.ForImage(entry.Path!),
        "container" => new ContainerImageEdit(entry.Container!),
        "kustomize" => new KustomizeImageEdit(entry.Name!) { Parts = ImageParts.Tag | ImageParts.Digest },
        _ => throw new BenchmarkException($"Unknown edit kind {entry.Kind} in the plan."),
    };

    private static string Reference(PlanEntry entry) => entry.Kind switch
    {
        "container" => entry.Reference!,
        "helm" => $"{entry.Repository}:{entry.Tag}@{entry.Digest}",
        _ => $"{entry.Name}:{entry.Tag}@{entry.Digest}",
    };
}
