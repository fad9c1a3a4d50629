namespace Pipeline.Containers;

/// <summary>
/// The entry point of BuildMultiArchImage: chooses a strategy (direct when the Dockerfile runs nothing, else buildx
/// when the plugin is installed, else the engine; or the one asked for), builds every platform, pushes the index under
/// the tags and returns what was pushed.
/// <code>
/// using var builder = new MultiPlatformImageBuilder(new ImageBuilderOptions { Output = output });
/// var built = await builder.BuildAsync(new ImageBuildRequest("ghcr.io/org/app", "src/app") { SourceCommit = sha }, BuildStrategyKind.Auto);
/// await built.WriteAsync("artifacts/image.json");
/// </code>
/// </summary>
public sealed class MultiPlatformImageBuilder : IDisposable
{
    private readonly DockerEngineClient _engine;

    /// <summary>Creates a builder.</summary>
    public MultiPlatformImageBuilder(ImageBuilderOptions? options = null)
    {
        Options = options ?? new ImageBuilderOptions();
        _engine = new DockerEngineClient(Options.Endpoint);
        Buildx = new BuildxDriver(Options.DockerProgram);
    }

    /// <summary>The settings.</summary>
    public ImageBuilderOptions Options { get; }

    /// <summary>The Docker Engine API client the engine and split strategies use.</summary>
    public DockerEngineClient Engine => _engine;

    /// <summary>The buildx driver the buildx strategy uses.</summary>
    public BuildxDriver Buildx { get; }

    /// <summary>The split strategy, for one platform per runner (<see cref="SplitStrategy.BuildPlatformAsync"/>) and the merge job.</summary>
    public SplitStrategy Split => new(_engine, Options);

    /// <summary>
    /// The strategy to use: <paramref name="requested"/> unless it is <see cref="BuildStrategyKind.Auto"/>, which means
    /// buildx when <c>docker buildx version</c> works, else the engine when one answers, else an error naming what to install.
    /// </summary>
    public async Task<BuildStrategyKind> ChooseAsync(BuildStrategyKind requested = BuildStrategyKind.Auto, CancellationToken cancellationToken = default)
    {
        if (requested != BuildStrategyKind.Auto)
        {
            return requested;
        }

        if (await Buildx.IsAvailableAsync(cancellationToken).ConfigureAwait(false))
        {
            return BuildStrategyKind.Buildx;
        }

        try
        {
            await _engine.PingAsync(cancellationToken).ConfigureAwait(false);
            return BuildStrategyKind.Engine;
        }
        catch (DockerEngineUnavailableException exception)
        {
            throw new ContainerException(
                $"Neither the docker buildx plugin nor a Docker engine is available ({exception.Message}). Install Docker with the buildx "
                + "plugin (Debian: apt-get install docker.io docker-buildx), or start the engine.",
                exception);
        }
    }

    /// <summary>The strategy object for <paramref name="kind"/> (not <see cref="BuildStrategyKind.Auto"/>).</summary>
    public IImageBuildStrategy Create(BuildStrategyKind kind) => kind switch
    {
        BuildStrategyKind.Buildx => new BuildxStrategy(Buildx, Options),
        BuildStrategyKind.Engine => new EngineStrategy(_engine, Options),
        BuildStrategyKind.Split => Split,
        BuildStrategyKind.Direct => new DirectStrategy(Options),
        _ => throw new ArgumentException("Choose a strategy first with ChooseAsync.", nameof(kind)),
    };

    /// <summary>Builds and pushes <paramref name="request"/> with the chosen strategy.</summary>
    public async Task<BuiltImage> BuildAsync(ImageBuildRequest request, BuildStrategyKind strategy = BuildStrategyKind.Auto, CancellationToken cancellationToken = default)
    {
        // Resolved once: the reuse lookup and the strategy share the digest of the inputs, which reads every context file.
        var build = ResolvedBuild.From(request, Options.Time.GetUtcNow());
        if (request.ReuseExisting && await ExistingImage.FindAsync(build, Options, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return existing;
        }

        if (strategy == BuildStrategyKind.Auto)
        {
            var (plans, needsEngine) = DirectStrategy.TryPlan(request, build.BuildArgs, build.Labels);
            if (plans is not null)
            {
                Report(BuildStrategyKind.Direct);
                return await new DirectStrategy(Options).BuildAsync(build, plans, cancellationToken).ConfigureAwait(false);
            }

            Options.Output?.Report($"The Dockerfile needs an engine ({needsEngine!.Message})");
        }

        var kind = await ChooseAsync(strategy, cancellationToken).ConfigureAwait(false);
        Report(kind);
        var chosen = Create(kind);
        return chosen is IResolvedBuildStrategy resolved
            ? await resolved.BuildAsync(build, cancellationToken).ConfigureAwait(false)
            : await chosen.BuildAsync(request, cancellationToken).ConfigureAwait(false);

        void Report(BuildStrategyKind chosen) =>
            Options.Output?.Report($"Building {request.Repository} for {string.Join(", ", request.Platforms)} with the {chosen.Name()} strategy.");
    }

    /// <summary>
    /// CaptureDigest for what <paramref name="built"/> says was pushed (e.g. read back with <see cref="BuiltImage.ReadAsync"/>
    /// in a later job): the tags must resolve to its digest and <paramref name="platforms"/> (default: those it built) must
    /// be in the index, each proved by its image config.
    /// </summary>
    /// <param name="built">What the build pushed.</param>
    /// <param name="platforms">The platforms that must be present (<c>--platforms</c>).</param>
    /// <param name="credential">The credential for the registry (<c>--registry-username</c>/<c>--registry-password</c>), or null.</param>
    /// <param name="insecureRegistries">Registries spoken to over plain HTTP (<c>--insecure-registries</c>).</param>
    /// <param name="cancellationToken">Cancels the capture.</param>
    public async Task<PinnedImage> CaptureAsync(
        BuiltImage built,
        IReadOnlyList<Platform>? platforms = null,
        RegistryCredential? credential = null,
        IReadOnlyList<string>? insecureRegistries = null,
        CancellationToken cancellationToken = default)
    {
        using var registry = Options.CreateRegistryClient(ImageReference.ForRepository(built.Repository), credential, insecureRegistries ?? []);
        return await new DigestCapture(registry, Options.Time).CaptureAsync(built, platforms, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose() => _engine.Dispose();
}
