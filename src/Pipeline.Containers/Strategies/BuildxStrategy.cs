namespace Pipeline.Containers;

/// <summary>
/// One <c>docker buildx build --platform a,b --push --metadata-file ...</c>: buildx builds every platform and pushes
/// the index under the tags. The index digest comes from the metadata file; the platform digests from the index
/// as the registry serves it. Needs the buildx plugin and a builder that can build several platforms (CI runners have both).
/// </summary>
public sealed class BuildxStrategy(BuildxDriver driver, ImageBuilderOptions? options = null) : IImageBuildStrategy, IResolvedBuildStrategy
{
    private readonly ImageBuilderOptions _options = options ?? new ImageBuilderOptions();

    /// <inheritdoc />
    public BuildStrategyKind Kind => BuildStrategyKind.Buildx;

    /// <summary>The buildx settings a request turns into.</summary>
    public BuildxSettings SettingsFor(ImageBuildRequest request)
    {
        var build = ResolvedBuild.From(request, _options.Time.GetUtcNow());
        return SettingsFor(build);
    }

    /// <inheritdoc />
    public Task<BuiltImage> BuildAsync(ImageBuildRequest request, CancellationToken cancellationToken = default) =>
        ((IResolvedBuildStrategy)this).BuildAsync(ResolvedBuild.From(request, _options.Time.GetUtcNow()), cancellationToken);

    async Task<BuiltImage> IResolvedBuildStrategy.BuildAsync(ResolvedBuild build, CancellationToken cancellationToken)
    {
        var request = build.Request;
        using var registry = _options.CreateRegistryClient(request, build.Repository);
        await registry.CheckPushAccessAsync(build.Repository, cancellationToken).ConfigureAwait(false);
        var credentials = request.Credential is { } credential
            ? new Dictionary<string, RegistryCredential> { [build.Repository.Registry] = credential }
            : null;
        var result = await driver.BuildAsync(SettingsFor(build), _options.Output, credentials, cancellationToken).ConfigureAwait(false);
        var digest = result.Metadata.ImageDigest
            ?? throw new ContainerException($"'{result.CommandLine}' reported no containerimage.digest; was the image pushed?");
        var manifest = await registry.GetManifestAsync(build.Repository.AtDigest(digest), cancellationToken).ConfigureAwait(false);
        IReadOnlyList<PlatformImage> platforms = manifest.Index is { } index
            ? index.ImageEntries().Select(e => new PlatformImage(e.Platform?.ToPlatform() ?? request.Platforms[0], e.Digest, e.MediaType, e.Size)).ToArray()
            : [new PlatformImage(request.Platforms[0], digest, manifest.MediaType, manifest.Content.LongLength)];
        return new BuiltImage(build.Repository.ToString(), build.Tags, digest, manifest.MediaType, platforms)
        {
            Labels = build.Labels,
            SourceCommit = request.SourceCommit,
            Version = request.Version,
            Strategy = Kind.Name(),
            Inputs = build.Inputs,
        };
    }

    private static BuildxSettings SettingsFor(ResolvedBuild build) =>
        new(build.Request.Context)
        {
            Dockerfile = build.Request.Dockerfile,
            Platforms = build.Request.Platforms,
            Tags = build.TagReferences,
            // BuildKit 0.11+ takes its timestamps from this build arg, so the same inputs give the same digest.
            BuildArgs = new Dictionary<string, string>(build.BuildArgs)
            {
                ["SOURCE_DATE_EPOCH"] = build.Created.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            Labels = build.Labels,
            Annotations = build.Request.Platforms.Count > 1
                ? build.Annotations.ToDictionary(p => "index:" + p.Key, p => p.Value)
                : build.Annotations.ToDictionary(p => "manifest:" + p.Key, p => p.Value),
            Target = build.Request.Target,
            NoCache = build.Request.NoCache,
            Output = BuildxOutput.Push,
        };
}
