namespace Pipeline.Containers;

/// <summary>
/// Builds one platform with BuildKit on the Engine API, proves the image config declares that platform, takes the
/// image out of the engine, normalises it (<see cref="ReproducibleImage"/>) and pushes it by digest through the
/// registry API (and under its platform tag for the split strategy, whose merge job finds it by digest).
/// </summary>
internal static class EnginePlatformBuild
{
    public static async Task<PlatformImage> RunAsync(
        DockerEngineClient engine,
        RegistryClient registry,
        ResolvedBuild build,
        BuildContextArchive archive,
        Platform platform,
        ImageBuilderOptions options,
        bool pushPlatformTag,
        CancellationToken cancellationToken)
    {
        var tag = build.PlatformTag(platform);
        var request = new EngineBuildRequest(build.Request.Context)
        {
            Dockerfile = build.Request.Dockerfile,
            Platform = platform,
            Tags = [tag],
            BuildArgs = build.BuildArgs,
            Labels = build.Labels,
            Target = build.Request.Target,
            NoCache = build.Request.NoCache,
        };
        var result = await engine.BuildImageAsync(request, archive, options.Output, cancellationToken).ConfigureAwait(false);
        var image = await engine.InspectImageAsync(result.ImageId, cancellationToken).ConfigureAwait(false)
            ?? throw new DockerEngineException($"The engine built {tag} but cannot find image {result.ImageId}.");
        var built = new OciPlatform(image.Architecture ?? "unknown", image.Os ?? "unknown", image.Variant).ToPlatform();
        if (built.Os != platform.Os || built.Architecture != platform.Architecture)
        {
            throw new PlatformMismatchException(tag.ToString(), platform, built);
        }

        using var exported = await ReproducibleImage.ExportAsync(engine, result.ImageId, build.Created, cancellationToken).ConfigureAwait(false);
        var pushed = await exported.PushAsync(registry, build.Repository, pushPlatformTag ? tag : null, cancellationToken).ConfigureAwait(false);
        options.Output?.Report($"[{platform}] pushed {build.Repository}@{pushed.Digest}" + (pushPlatformTag ? $" as {tag.Tag}" : string.Empty));
        return new PlatformImage(platform, pushed.Digest, pushed.MediaType, pushed.Size);
    }

    /// <summary>Pushes the index under every tag, concurrently.</summary>
    public static async Task PushIndexAsync(RegistryClient registry, ResolvedBuild build, AssembledIndex index, IProgress<string>? output, CancellationToken cancellationToken)
    {
        await Task.WhenAll(build.TagReferences.Select(tag => registry.PutManifestAsync(tag, index.Index.MediaType, index.Content, cancellationToken))).ConfigureAwait(false);
        output?.Report($"pushed index {build.Repository}@{index.Digest} as {string.Join(", ", build.Tags)}");
    }

    public static BuiltImage ToBuiltImage(ResolvedBuild build, AssembledIndex index, IReadOnlyList<PlatformImage> images, BuildStrategyKind kind) =>
        new(build.Repository.ToString(), build.Tags, index.Digest, index.Index.MediaType, images)
        {
            Labels = build.Labels,
            SourceCommit = build.Request.SourceCommit,
            Version = build.Request.Version,
            Strategy = kind.Name(),
            Inputs = build.Inputs,
        };
}
