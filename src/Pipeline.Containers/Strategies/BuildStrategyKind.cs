namespace Pipeline.Containers;

/// <summary>How a multi-platform image is built (<c>--build-strategy</c>).</summary>
public enum BuildStrategyKind
{
    /// <summary>
    /// Direct when the Dockerfile runs nothing (one <c>FROM scratch</c> stage of COPY and config instructions), else
    /// buildx when the plugin is installed, else the engine.
    /// </summary>
    Auto,

    /// <summary>One <c>docker buildx build --platform ... --push</c>.</summary>
    Buildx,

    /// <summary>One BuildKit build per platform on the Docker Engine API, each pushed, then an index assembled and pushed.</summary>
    Engine,

    /// <summary>One platform per CI runner, each writing its digest to <c>artifacts/</c>, then a merge that assembles the index.</summary>
    Split,

    /// <summary>No engine: the layers and config a <c>FROM scratch</c> Dockerfile of COPY and config instructions makes, written from the context and pushed.</summary>
    Direct,
}

/// <summary>Parsing of <see cref="BuildStrategyKind"/> from parameter text.</summary>
public static class BuildStrategyKinds
{
    /// <summary>Parses <c>auto</c>, <c>buildx</c>, <c>engine</c>, <c>split</c> or <c>direct</c> (any case); the error lists the valid values.</summary>
    public static BuildStrategyKind Parse(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? BuildStrategyKind.Auto
            : Enum.TryParse<BuildStrategyKind>(text.Trim(), ignoreCase: true, out var kind) && Enum.IsDefined(kind)
                ? kind
                : throw new BuildInputException("--build-strategy", text, "unknown strategy; use auto, buildx, engine, split or direct.");

    /// <summary>The parameter text of <paramref name="kind"/>.</summary>
    public static string Name(this BuildStrategyKind kind) => kind.ToString().ToLowerInvariant();
}

/// <summary>A strategy that builds from a request already resolved, so the builder resolves (and hashes the inputs) once.</summary>
internal interface IResolvedBuildStrategy
{
    Task<BuiltImage> BuildAsync(ResolvedBuild build, CancellationToken cancellationToken);
}

/// <summary>One way of building and pushing a multi-platform image.</summary>
public interface IImageBuildStrategy
{
    /// <summary>Which strategy this is.</summary>
    BuildStrategyKind Kind { get; }

    /// <summary>Builds every platform of <paramref name="request"/>, pushes the index under its tags and says what was pushed.</summary>
    Task<BuiltImage> BuildAsync(ImageBuildRequest request, CancellationToken cancellationToken = default);
}
