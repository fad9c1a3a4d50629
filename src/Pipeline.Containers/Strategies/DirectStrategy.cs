using System.Formats.Tar;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Containers;

/// <summary>
/// Writes the image of a Dockerfile that runs nothing (one <c>FROM scratch</c> stage of COPY and config instructions)
/// straight from the build context, with no engine: for each platform the layers BuildKit would make (the same
/// entries, modes and owners, normalised as <see cref="ReproducibleImage"/> normalises the engine's), the config
/// BuildKit would write, pushed by digest through the registry API (blobs the repository has are not sent again), then
/// the OCI index under every tag. Anything the Dockerfile needs an engine for is refused before anything is pushed, with
/// the line and the reason (<see cref="DockerfileException.NeedsEngine"/>); <see cref="BuildStrategyKind.Auto"/> then
/// builds with the engine instead.
/// </summary>
public sealed class DirectStrategy(ImageBuilderOptions? options = null) : IImageBuildStrategy, IResolvedBuildStrategy
{
    private readonly ImageBuilderOptions _options = options ?? new ImageBuilderOptions();

    /// <inheritdoc />
    public BuildStrategyKind Kind => BuildStrategyKind.Direct;

    /// <summary>
    /// Null when the direct strategy can build <paramref name="request"/>'s Dockerfile, else why not (a
    /// <see cref="DockerfileException"/> with <see cref="DockerfileException.NeedsEngine"/> set). A Dockerfile that is
    /// wrong for any builder throws.
    /// </summary>
    public static DockerfileException? WhyNot(ImageBuildRequest request) =>
        TryPlan(request, ResolvedBuild.ArgsOf(request), new Dictionary<string, string>()).NeedsEngine;

    /// <summary>
    /// Reads the Dockerfile in <paramref name="context"/> (or <paramref name="dockerfile"/>) for every platform as the
    /// direct strategy would, and throws the <see cref="DockerfileException"/> it would throw for its instructions: a
    /// check that costs milliseconds, for before anything runs. The files a COPY names are not looked for, since an
    /// earlier step (a publish, a download) may still write them. Build args are those the Dockerfile declares with
    /// defaults.
    /// </summary>
    public static void Check(string context, string? dockerfile, IReadOnlyList<Platform> platforms, string? target = null)
    {
        var request = new ImageBuildRequest("localhost/check", context) { Dockerfile = dockerfile, Platforms = platforms, Target = target };
        _ = Plan(request, new Dictionary<string, string>(), new Dictionary<string, string>(), readContext: false);
    }

    /// <inheritdoc />
    public Task<BuiltImage> BuildAsync(ImageBuildRequest request, CancellationToken cancellationToken = default) =>
        ((IResolvedBuildStrategy)this).BuildAsync(ResolvedBuild.From(request, _options.Time.GetUtcNow()), cancellationToken);

    Task<BuiltImage> IResolvedBuildStrategy.BuildAsync(ResolvedBuild build, CancellationToken cancellationToken) =>
        BuildAsync(build, Plan(build.Request, build.BuildArgs, build.Labels), cancellationToken);

    /// <summary>Every platform's plan, or why an engine is needed; a Dockerfile wrong for any builder throws.</summary>
    internal static (IReadOnlyList<ScratchImagePlan>? Plans, DockerfileException? NeedsEngine) TryPlan(
        ImageBuildRequest request, IReadOnlyDictionary<string, string> args, IReadOnlyDictionary<string, string> labels)
    {
        try
        {
            return (Plan(request, args, labels), null);
        }
        catch (DockerfileException exception) when (exception.NeedsEngine)
        {
            return (null, exception);
        }
    }

    /// <summary>Writes and pushes the planned images of <paramref name="build"/>, then the index.</summary>
    internal async Task<BuiltImage> BuildAsync(ResolvedBuild build, IReadOnlyList<ScratchImagePlan> plans, CancellationToken cancellationToken)
    {
        using var registry = _options.CreateRegistryClient(build.Request, build.Repository);
        await registry.CheckPushAccessAsync(build.Repository, cancellationToken).ConfigureAwait(false);
        var images = await Concurrently.RunAsync(
            plans,
            _options.MaxParallelBuilds,
            (plan, token) => PushAsync(registry, build, plan, token),
            cancellationToken).ConfigureAwait(false);
        var index = ImageIndexAssembler.Assemble(images, build.Annotations);
        await EnginePlatformBuild.PushIndexAsync(registry, build, index, _options.Output, cancellationToken).ConfigureAwait(false);
        return EnginePlatformBuild.ToBuiltImage(build, index, images, Kind);
    }

    /// <summary>Every platform's plan, so that a Dockerfile the strategy cannot build fails before anything is pushed.</summary>
    private static IReadOnlyList<ScratchImagePlan> Plan(ImageBuildRequest request, IReadOnlyDictionary<string, string> args, IReadOnlyDictionary<string, string> labels, bool readContext = true)
    {
        var (context, dockerfilePath) = BuildContextArchive.ResolveInputs(request.Context, request.Dockerfile);
        var dockerfile = Dockerfile.Load(dockerfilePath, request.Dockerfile ?? "Dockerfile");
        var tree = readContext ? ContextTree.Load(context, BuildContextArchive.DockerfileInside(context, dockerfilePath)) : null;
        return request.Platforms
            .Select(platform => ScratchImagePlanner.Plan(dockerfile, tree, platform, args, labels, request.Target))
            .ToArray();
    }

    private async Task<PlatformImage> PushAsync(RegistryClient registry, ResolvedBuild build, ScratchImagePlan plan, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("pipeline-image-").FullName;
        ReproducibleImage image;
        try
        {
            var layers = new List<NormalizedLayer>();
            foreach (var (layer, i) in plan.Layers.Select((l, i) => (l, i)))
            {
                layers.Add(await LayerNormalizer.WriteAsync(Entries(layer), Path.Combine(folder, $"layer-{i}.tar.gz"), build.Created, cancellationToken).ConfigureAwait(false));
            }

            var document = plan.Config.DeepClone().AsObject();
            document["rootfs"]!["diff_ids"] = new JsonArray(layers.Select(l => (JsonNode)JsonValue.Create(l.DiffId.ToString())!).ToArray());
            var config = ImageConfigNormalizer.Normalize(System.Text.Encoding.UTF8.GetBytes(document.ToJsonString()), layers.Select(l => l.DiffId).ToArray(), build.Created);
            image = ReproducibleImage.Of(folder, config, layers);
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }

        using (image)
        {
            var pushed = await image.PushAsync(registry, build.Repository, null, cancellationToken).ConfigureAwait(false);
            _options.Output?.Report($"[{plan.Platform}] pushed {build.Repository}@{pushed.Digest} ({plan.Layers.Count} layers written from the context)");
            return new PlatformImage(plan.Platform, pushed.Digest, pushed.MediaType, pushed.Size);
        }
    }

    /// <summary>The layer's entries in name order, each file open only while it is written.</summary>
    private static IEnumerable<TarEntry> Entries(PlannedLayer layer)
    {
        foreach (var file in layer.Files)
        {
            var entry = new GnuTarEntry(file.Type, file.TarName) { Mode = file.Mode, Uid = file.Uid, Gid = file.Gid };
            if (file.LinkName is { } link)
            {
                entry.LinkName = link;
            }

            if (file.Source is null)
            {
                yield return entry;
                continue;
            }

            using var data = new FileStream(file.Source, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            entry.DataStream = data;
            yield return entry;
        }
    }
}
