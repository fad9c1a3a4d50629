namespace Pipeline.Containers;

/// <summary>Where a <c>docker buildx build</c> puts its result.</summary>
public enum BuildxOutput
{
    /// <summary><c>--push</c>: push the image (an index for several platforms) under its tags.</summary>
    Push,

    /// <summary><c>--load</c>: load the image into the local engine (one platform only).</summary>
    Load,

    /// <summary>Push by digest only, without tags (<c>push-by-digest=true</c>): for one platform of a split build.</summary>
    PushByDigest,

    /// <summary>No output: build only (e.g. to fill a cache).</summary>
    None,
}

/// <summary>
/// The settings of one <c>docker buildx build</c>: only the flags this library uses, plus
/// <see cref="ExtraArguments"/> as an escape hatch. Immutable; derive with <c>with</c>.
/// </summary>
/// <param name="Context">The build context folder.</param>
public sealed record BuildxSettings(string Context)
{
    /// <summary><c>--file</c>, or null for the context's Dockerfile.</summary>
    public string? Dockerfile { get; init; }

    /// <summary><c>--platform</c>.</summary>
    public IReadOnlyList<Platform> Platforms { get; init; } = [];

    /// <summary><c>--tag</c>, one per reference.</summary>
    public IReadOnlyList<ImageReference> Tags { get; init; } = [];

    /// <summary><c>--build-arg</c> values.</summary>
    public IReadOnlyDictionary<string, string> BuildArgs { get; init; } = new Dictionary<string, string>();

    /// <summary><c>--build-arg</c> values that are secret: passed to buildx, shown as <c>***</c>.</summary>
    public IReadOnlyDictionary<string, Secret> SecretBuildArgs { get; init; } = new Dictionary<string, Secret>();

    /// <summary><c>--secret id=NAME,env=...</c>: the value travels in an environment variable, never on the command line.</summary>
    public IReadOnlyDictionary<string, Secret> Secrets { get; init; } = new Dictionary<string, Secret>();

    /// <summary><c>--label</c> values (image config labels).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary><c>--annotation</c> values; a key may carry a level prefix such as <c>index:</c> or <c>manifest:</c>.</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();

    /// <summary><c>--cache-from</c> values, e.g. <c>type=registry,ref=ghcr.io/org/app:cache</c>.</summary>
    public IReadOnlyList<string> CacheFrom { get; init; } = [];

    /// <summary><c>--cache-to</c> values, e.g. <c>type=gha,mode=max</c>.</summary>
    public IReadOnlyList<string> CacheTo { get; init; } = [];

    /// <summary><c>--provenance</c>: null leaves buildx's default, false disables, true enables.</summary>
    public bool? Provenance { get; init; }

    /// <summary><c>--sbom</c>: null leaves buildx's default, false disables, true enables.</summary>
    public bool? Sbom { get; init; }

    /// <summary>Where the result goes.</summary>
    public BuildxOutput Output { get; init; } = BuildxOutput.Push;

    /// <summary>The repository to push to with <see cref="BuildxOutput.PushByDigest"/>.</summary>
    public ImageReference? PushByDigestRepository { get; init; }

    /// <summary><c>--metadata-file</c>; null lets the driver choose a temporary file.</summary>
    public string? MetadataFile { get; init; }

    /// <summary><c>--target</c> stage, or null.</summary>
    public string? Target { get; init; }

    /// <summary><c>--builder</c>, or null for the current builder.</summary>
    public string? Builder { get; init; }

    /// <summary><c>--no-cache</c>.</summary>
    public bool NoCache { get; init; }

    /// <summary><c>--progress</c>; <c>plain</c> keeps logs readable in CI.</summary>
    public string Progress { get; init; } = "plain";

    /// <summary>Arguments appended verbatim before the context: for flags this record does not model.</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];
}
