using System.Diagnostics;
using Pipeline.Containers;
using Pipeline.Promotion.Edits;

namespace Promotion.Benchmark;

/// <summary>Applies the plan with Pipeline.Promotion's edits, in memory, timing the first (cold) and the best round.</summary>
internal static class OursRunner
{
    public static (double BestMilliseconds, double FirstMilliseconds, List<byte[]> Outputs) Run(List<GeneratedFile> files, int rounds)
    {
        var documents = files.Select(f => ManifestDocument.FromText(f.Path, (f.ByteOrderMark ? "\uFEFF" : "") + f.Text)).ToList();
        var edits = files.Select(f => Edit(f.Edit)).ToList();
        var images = files.Select(f => ImageReference.Parse(Reference(f.Edit))).ToList();
        var best = double.MaxValue;
        var first = 0.0;
        var outputs = new List<ManifestDocument>();
        for (var round = 0; round < rounds; round++)
        {
            outputs.Clear();
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < documents.Count; i++)
            {
                outputs.Add(edits[i].Apply(documents[i], images[i]).Document);
            }

            best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
            first = round == 0 ? watch.Elapsed.TotalMilliseconds : first;
        }

        return (best, first, outputs.Select(d => d.ToBytes()).ToList());
    }

    private static IManifestEdit Edit(PlanEntry entry) => entry.Kind switch
    {
        "helm" => HelmValuesEdit.ForImage(entry.Path!),
        "container" => new ContainerImageEdit(entry.Container!),
        _ => new KustomizeImageEdit(entry.Name!) { Parts = ImageParts.Tag | ImageParts.Digest },
    };

    private static string Reference(PlanEntry entry) => entry.Kind switch
    {
        "container" => entry.Reference!,
        "helm" => $"{entry.Repository}:{entry.Tag}@{entry.Digest}",
        _ => $"{entry.Name}:{entry.Tag}@{entry.Digest}",
    };
}
