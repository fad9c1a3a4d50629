using System.Text.Json;

namespace Pipeline.Containers;

/// <summary>
/// One platform per CI runner: <see cref="BuildPlatformAsync"/> builds and pushes one platform and writes its digest
/// to <c>artifacts/platform-&lt;os&gt;-&lt;arch&gt;.json</c>; after the artifacts of all runners are gathered in one job,
/// <see cref="MergeAsync"/> assembles the index from those digests and pushes it under the tags.
/// <see cref="BuildAsync"/> does both on one machine.
/// </summary>
public sealed class SplitStrategy(DockerEngineClient engine, ImageBuilderOptions? options = null) : IImageBuildStrategy
{
    private readonly ImageBuilderOptions _options = options ?? new ImageBuilderOptions();

    /// <inheritdoc />
    public BuildStrategyKind Kind => BuildStrategyKind.Split;

    /// <summary>The file one platform's digest is written to.</summary>
    public string PlatformRecordPath(Platform platform) => Path.Combine(_options.ArtifactsDirectory, $"platform-{platform.Slug}.json");

    /// <inheritdoc />
    public async Task<BuiltImage> BuildAsync(ImageBuildRequest request, CancellationToken cancellationToken = default)
    {
        foreach (var platform in request.Platforms)
        {
            await BuildPlatformAsync(request, platform, cancellationToken).ConfigureAwait(false);
        }

        return await MergeAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Builds and pushes <paramref name="platform"/> only, and records its digest in the artifacts folder.</summary>
    public async Task<PlatformImage> BuildPlatformAsync(ImageBuildRequest request, Platform platform, CancellationToken cancellationToken = default)
    {
        var build = ResolvedBuild.From(request with { Platforms = [platform] }, _options.Time.GetUtcNow());
        using var registry = _options.CreateRegistryClient(request, build.Repository);
        await Task.WhenAll(engine.PingAsync(cancellationToken), registry.CheckPushAccessAsync(build.Repository, cancellationToken)).ConfigureAwait(false);
        using var archive = BuildContextArchive.Create(request.Context, request.Dockerfile);
        var image = await EnginePlatformBuild.RunAsync(engine, registry, build, archive, platform, _options, pushPlatformTag: true, cancellationToken).ConfigureAwait(false);
        var record = new SplitPlatformRecord(build.Repository.ToString(), platform.ToString(), image.Digest, image.MediaType, image.Size, request.SourceCommit);
        Directory.CreateDirectory(_options.ArtifactsDirectory);
        await File.WriteAllTextAsync(
            PlatformRecordPath(platform),
            SecretRegistry.Shared.Redact(JsonSerializer.Serialize(record, ImageRecordJsonContext.Default.SplitPlatformRecord)),
            cancellationToken).ConfigureAwait(false);
        return image;
    }

    /// <summary>
    /// Reads every requested platform's digest from the artifacts folder, checks each is in the registry, and pushes
    /// the index under the tags.
    /// </summary>
    public async Task<BuiltImage> MergeAsync(ImageBuildRequest request, CancellationToken cancellationToken = default)
    {
        var build = ResolvedBuild.From(request, _options.Time.GetUtcNow());
        using var registry = _options.CreateRegistryClient(request, build.Repository);
        var images = new List<PlatformImage>();
        foreach (var platform in request.Platforms)
        {
            var record = await ReadRecordAsync(platform, build, cancellationToken).ConfigureAwait(false);
            var reference = build.Repository.AtDigest(record.Digest);
            var descriptor = await registry.HeadManifestAsync(reference, cancellationToken).ConfigureAwait(false)
                ?? throw new ContainerException($"{PlatformRecordPath(platform)} names {reference}, which the registry does not have; run that platform's build again.");
            images.Add(new PlatformImage(platform, record.Digest, descriptor.MediaType, descriptor.Size));
        }

        var index = ImageIndexAssembler.Assemble(images, build.Annotations);
        await EnginePlatformBuild.PushIndexAsync(registry, build, index, _options.Output, cancellationToken).ConfigureAwait(false);
        return EnginePlatformBuild.ToBuiltImage(build, index, images, Kind);
    }

    private async Task<SplitPlatformRecord> ReadRecordAsync(Platform platform, ResolvedBuild build, CancellationToken cancellationToken)
    {
        var path = PlatformRecordPath(platform);
        if (!File.Exists(path))
        {
            throw new ContainerException(
                $"There is no digest for {platform}: {path} is missing. Run that platform's build (BuildPlatformAsync) and gather its artifacts into '{_options.ArtifactsDirectory}' before merging.");
        }

        var record = JsonSerializer.Deserialize(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false), ImageRecordJsonContext.Default.SplitPlatformRecord)
            ?? throw new ContainerException($"{path} is empty.");
        if (record.Repository != build.Repository.ToString())
        {
            throw new ContainerException($"{path} is for {record.Repository}, not {build.Repository}; clean the artifacts folder and build again.");
        }

        if (build.Request.SourceCommit is { } commit && record.SourceCommit is { } recorded && recorded != commit)
        {
            throw new ContainerException($"{path} was built from commit {recorded}, not {commit}; every platform must come from the same commit.");
        }

        return record;
    }
}
