using Pipeline.Benchmarks.Measuring;
using Pipeline.Benchmarks.Results;
using Pipeline.Containers;

namespace Pipeline.Benchmarks.Build;

internal sealed partial class BuildSuite
{
    /// <summary>The index pushed under the short commit must list every platform.</summary>
    private static async Task CheckIndexAsync(string repository, string commit, List<Platform> platforms, CancellationToken cancellationToken)
    {
        using var registry = new RegistryClient(new RegistryClientOptions());
        var manifest = await registry.GetManifestAsync(ImageReference.Parse($"{repository}:{Builders.Tag(commit)}"), cancellationToken).ConfigureAwait(false);
        var listed = manifest.Index?.Manifests.Select(m => m.Platform).OfType<OciPlatform>().ToList() ?? [];
        if (!platforms.All(p => listed.Any(m => p.Matches(m.Os, m.Architecture, m.Variant))))
        {
            throw new BenchmarkException($"{repository}:{Builders.Tag(commit)} is not an index of {string.Join(", ", platforms)}: it lists "
                + (listed.Count == 0 ? manifest.MediaType : string.Join(", ", listed.Select(m => $"{m.Os}/{m.Architecture}{(m.Variant is null ? "" : "/" + m.Variant)}"))));
        }
    }

    /// <summary>Removes the images the builds left in the engine (only those of the benchmark's registry).</summary>
    private static async Task RemoveLocalImagesAsync(string registry, CancellationToken cancellationToken)
    {
        var listed = await ProcessRuns.RunAsync("docker", ["image", "ls", "--format", "{{.Repository}}:{{.Tag}}"], cancellationToken: cancellationToken).ConfigureAwait(false);
        var ours = listed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(i => i.StartsWith(registry + "/", StringComparison.Ordinal)).ToList();
        if (ours.Count > 0)
        {
            await ProcessRuns.RunAsync("docker", ["image", "rm", "--force", .. ours], check: false, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private static List<HeadlineRow> Rows(List<Builder> builders, bool runStep)
    {
        var rows = new List<HeadlineRow>();
        var cases = new List<(string Case, string Mode, string Measure)>
        {
            ("copy-2", "cold", "Build and push the demo service for linux/amd64 + linux/arm64, cold"),
            ("copy-2", "warm", "Same, warm rebuild after a one-line change"),
        };
        if (runStep)
        {
            cases.Add(("run-2", "cold", "With a RUN step (under emulation for linux/arm64), cold"));
            cases.Add(("run-2", "warm", "With a RUN step, warm rebuild after a one-line change"));
        }

        foreach (var (@case, mode, measure) in cases)
        {
            foreach (var baseline in builders.Skip(1))
            {
                rows.Add(new HeadlineRow(measure, [Id("pipeline", @case, mode)]) { Baseline = [Id(baseline.Name, @case, mode)], BaselineName = baseline.Label });
            }
        }

        return rows;
    }

    private static Curve Curve(IReadOnlyList<Measurement> measurements, List<Builder> builders, IEnumerable<Case> cases)
    {
        var counts = cases.Where(c => c.Variant == "copy").Select(c => c.Platforms).Distinct().Order().ToList();
        return new Curve("build-platforms", "Cold build and push time against platforms", "platforms (amd64, arm64, arm/v7, 386)", "seconds", builders
            .Select(b => new Series(b.Name == "pipeline" ? "BuildMultiArchImage" : b.Name, counts
                .Select(n => measurements.FirstOrDefault(m => m.Id == Id(b.Name, $"copy-{n}", "cold")) is { } m ? CurvePoint.From(n, m) : null)
                .OfType<CurvePoint>()
                .ToList()))
            .ToList());
    }
}
