namespace Pipeline.Containers;

/// <summary>
/// Everything needed to build and push one multi-platform image. Immutable; derive with <c>with</c>.
/// The image gets the tag of the short source commit plus <see cref="Tags"/>, the OCI labels
/// <c>org.opencontainers.image.revision</c>, <c>.source</c>, <c>.created</c>, <c>.version</c>, and the build args
/// <c>VERSION</c> and <c>COMMIT</c> so it can report what it was built from.
/// </summary>
/// <param name="Repository">The repository to push to, e.g. <c>ghcr.io/org/app</c> (<c>--image</c>).</param>
/// <param name="Context">The build context folder (<c>--context</c>).</param>
public sealed record ImageBuildRequest(string Repository, string Context)
{
    /// <summary>The platforms to build (<c>--platforms</c>); <c>linux/amd64,linux/arm64</c> by default.</summary>
    public IReadOnlyList<Platform> Platforms { get; init; } = Platform.Defaults;

    /// <summary>The Dockerfile (<c>--dockerfile</c>); null for the context's Dockerfile.</summary>
    public string? Dockerfile { get; init; }

    /// <summary>Tags besides the short commit (<c>--tags</c>): <c>latest</c>, a branch, a version.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The commit the image is built from (full SHA); its first 7 characters become a tag.</summary>
    public string? SourceCommit { get; init; }

    /// <summary>The version of the application, for the <c>VERSION</c> build arg and label.</summary>
    public string? Version { get; init; }

    /// <summary>The URL of the source repository, for <c>org.opencontainers.image.source</c>.</summary>
    public string? SourceUrl { get; init; }

    /// <summary>When the image is created; null for now.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>More build args; <c>VERSION</c> and <c>COMMIT</c> are set from the request unless given here.</summary>
    public IReadOnlyDictionary<string, string> BuildArgs { get; init; } = new Dictionary<string, string>();

    /// <summary>More labels; given values win over the OCI labels derived from the request.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>The stage to build in a multi-stage Dockerfile, or null for the last.</summary>
    public string? Target { get; init; }

    /// <summary>Registries spoken to over plain HTTP (<c>--insecure-registries</c>); loopback always is.</summary>
    public IReadOnlyList<string> InsecureRegistries { get; init; } = [];

    /// <summary>The credential for the repository's registry (<c>--registry-username</c>, <c>--registry-password</c>).</summary>
    public RegistryCredential? Credential { get; init; }

    /// <summary>True to ignore build caches.</summary>
    public bool NoCache { get; init; }

    /// <summary>
    /// True to reuse an index already pushed for <see cref="SourceCommit"/> (same revision, version and platforms)
    /// instead of building again. Only safe when the context is exactly what that commit holds.
    /// </summary>
    public bool ReuseExisting { get; init; }

    /// <summary>The first 7 characters of <see cref="SourceCommit"/>, or null.</summary>
    public string? ShortCommit => string.IsNullOrEmpty(SourceCommit) ? null : SourceCommit[..Math.Min(7, SourceCommit.Length)];

    /// <summary>A request for <paramref name="platforms"/> given as <c>--platforms</c> text, e.g. <c>linux/amd64,linux/arm64</c>.</summary>
    public ImageBuildRequest WithPlatforms(string platforms) => this with { Platforms = Platform.ParseList(platforms) };
}
