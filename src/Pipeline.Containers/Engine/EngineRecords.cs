namespace Pipeline.Containers;

/// <summary>What <c>GET /_ping</c> tells: the API version negotiated and the default builder.</summary>
/// <param name="ApiVersion">The API version this client will use: the lower of the engine's and the client's.</param>
/// <param name="EngineApiVersion">The newest API version the engine speaks.</param>
/// <param name="BuilderVersion">The engine's default builder: <c>2</c> for BuildKit, <c>1</c> for the classic builder.</param>
/// <param name="OsType">The engine's operating system type.</param>
public sealed record EnginePing(string ApiVersion, string EngineApiVersion, string? BuilderVersion, string? OsType);

/// <summary>One progress event of a push through the engine, for progress bars.</summary>
/// <param name="Reference">The tag being pushed.</param>
/// <param name="Layer">The layer ID (short digest), or null for a status about the whole push.</param>
/// <param name="Status">The engine's status text, e.g. <c>Pushing</c>, <c>Pushed</c>, <c>Layer already exists</c>.</param>
/// <param name="Current">Bytes sent so far, when known.</param>
/// <param name="Total">Bytes to send, when known.</param>
public sealed record PushProgress(ImageReference Reference, string? Layer, string Status, long? Current, long? Total);

/// <summary>
/// A build on the Docker Engine API. BuildKit (<c>version=2</c>) is used by default: it honours <see cref="Platform"/>
/// in the image config and sets <c>TARGETARCH</c>, where the classic builder stamps the engine's own architecture.
/// </summary>
/// <param name="ContextDirectory">The build context folder.</param>
public sealed record EngineBuildRequest(string ContextDirectory)
{
    /// <summary>The Dockerfile; null for <c>Dockerfile</c> in the context. Relative paths are relative to the current folder.</summary>
    public string? Dockerfile { get; init; }

    /// <summary>The platform to build for, or null for the engine's own.</summary>
    public Platform? Platform { get; init; }

    /// <summary>Full references to tag the image with in the engine.</summary>
    public IReadOnlyList<ImageReference> Tags { get; init; } = [];

    /// <summary>Build arguments (<c>ARG</c> values).</summary>
    public IReadOnlyDictionary<string, string> BuildArgs { get; init; } = new Dictionary<string, string>();

    /// <summary>Labels added to the image config.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>The stage to build in a multi-stage Dockerfile, or null for the last.</summary>
    public string? Target { get; init; }

    /// <summary>True (the default) to build with BuildKit; false for the classic builder.</summary>
    public bool UseBuildKit { get; init; } = true;

    /// <summary>
    /// The network of <c>RUN</c> steps. Null chooses: the engine's default, or <c>host</c> when the engine has no
    /// default bridge (a daemon started with <c>--bridge=none</c>).
    /// </summary>
    public string? NetworkMode { get; init; }

    /// <summary>True to ignore the build cache.</summary>
    public bool NoCache { get; init; }
}

/// <summary>The outcome of an engine build.</summary>
/// <param name="ImageId">The ID of the image in the engine (the digest of its config).</param>
/// <param name="Platform">The platform built for, or null for the engine's own.</param>
/// <param name="Tags">The tags given to the image.</param>
public sealed record EngineBuildResult(string ImageId, Platform? Platform, IReadOnlyList<ImageReference> Tags);
