using Pipeline.Containers;
using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>What the image targets do under <c>--dry-run</c>: say what they would build, push and read; touch nothing.</summary>
internal static class ImageDryRun
{
    public static async Task BuildAsync(IHazImage build, TargetContext context)
    {
        var source = await SourceRevision.ReadAsync(build, context.CancellationToken).ConfigureAwait(false);
        var image = ImageReference.ForRepository(build.Image!);
        var dockerfile = build.Dockerfile ?? build.Context / "Dockerfile";
        var tags = string.Join(", ", build.Tags.Prepend(source.ShortCommit));
        Log.Information($"Dry run: would build {string.Join(" and ", build.Platforms)} from {Relative(build, dockerfile)} (context {Relative(build, build.Context)}),");
        Log.Information($"  push each platform and the index to {image.Name} with the tags {tags}, labelled with commit {source.Commit},");
        Log.Information($"  and write {Relative(build, build.ImageRecordPath)}; {(build.Rebuild || source.IsDirty ? "nothing would be reused" : "an image of this commit already in the registry would be reused")}.");
        Log.Information("Nothing was built or pushed.");
        context.Report("dry run", $"would push {image.Name}:{source.ShortCommit}");
    }

    public static void Capture(IHazImage build, TargetContext context)
    {
        Log.Information($"Dry run: would read the index of {build.Image} back from the registry, check every platform ({string.Join(", ", build.Platforms)}) is in it, and pin repo:tag@sha256:… in {Relative(build, build.ImageRecordPath)}.");
        context.Report("dry run", "nothing read or written");
    }

    private static string Relative(IPipelineBuild build, AbsolutePath path) =>
        path.ToString().StartsWith(build.RootDirectory.ToString(), StringComparison.Ordinal) ? path.RelativeTo(build.RootDirectory) : path.ToString();
}
