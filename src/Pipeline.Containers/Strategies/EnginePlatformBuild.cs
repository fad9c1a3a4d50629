namespace Pipeline.Containers;

/// <summary>
/// Builds one platform with BuildKit on the Engine API, proves the image config declares that platform,
/// pushes it under its platform tag and reads its manifest descriptor back from the registry.
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

        var credential = registry.Options.Credentials.Find(build.Repository.Registry);
        var pushed = await engine.PushImageAsync(tag, credential, options.PushProgress, cancellationToken).ConfigureAwait(false);
        options.Output?.Report($"[{platform}] pushed {tag}@{pushed.Digest}");
        var descriptor = await registry.HeadManifestAsync(build.Repository.AtDigest(pushed.Digest), cancellationToken).ConfigureAwait(false)
            ?? throw new ManifestUnknownException(build.Repository.AtDigest(pushed.Digest), "HEAD", registry.BaseUri(build.Repository.Registry), null);
        return new PlatformImage(platform, pushed.Digest, descriptor.MediaType, descriptor.Size);
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
        };
}
