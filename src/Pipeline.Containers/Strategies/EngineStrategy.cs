namespace Pipeline.Containers;

/// <summary>
/// Builds each platform with BuildKit through the Docker Engine API (<c>POST /build?version=2&amp;platform=...</c>,
/// no client session needed: the context travels as the request body), concurrently; takes each image out of the
/// engine, makes it reproducible and pushes it by digest through the registry API; then assembles an OCI index and
/// pushes it under every tag. BuildKit, unlike the classic builder, writes the requested architecture into each
/// image config, and that config is checked before anything is pushed.
/// </summary>
public sealed class EngineStrategy(DockerEngineClient engine, ImageBuilderOptions? options = null) : IImageBuildStrategy, IResolvedBuildStrategy
{
    private readonly ImageBuilderOptions _options = options ?? new ImageBuilderOptions();

    /// <inheritdoc />
    public BuildStrategyKind Kind => BuildStrategyKind.Engine;

    /// <inheritdoc />
    public Task<BuiltImage> BuildAsync(ImageBuildRequest request, CancellationToken cancellationToken = default) =>
        ((IResolvedBuildStrategy)this).BuildAsync(ResolvedBuild.From(request, _options.Time.GetUtcNow()), cancellationToken);

    async Task<BuiltImage> IResolvedBuildStrategy.BuildAsync(ResolvedBuild build, CancellationToken cancellationToken)
    {
        var request = build.Request;
        using var registry = _options.CreateRegistryClient(request, build.Repository);
        await Task.WhenAll(engine.PingAsync(cancellationToken), registry.CheckPushAccessAsync(build.Repository, cancellationToken)).ConfigureAwait(false);
        using var archive = BuildContextArchive.Create(request.Context, request.Dockerfile);
        var images = await Concurrently.RunAsync(
            request.Platforms,
            _options.MaxParallelBuilds,
            (platform, token) => EnginePlatformBuild.RunAsync(engine, registry, build, archive, platform, _options, pushPlatformTag: false, token),
            cancellationToken).ConfigureAwait(false);
        var index = ImageIndexAssembler.Assemble(images, build.Annotations);
        await EnginePlatformBuild.PushIndexAsync(registry, build, index, _options.Output, cancellationToken).ConfigureAwait(false);
        return EnginePlatformBuild.ToBuiltImage(build, index, images, Kind);
    }
}
