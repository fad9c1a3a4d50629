namespace Pipeline.Containers;

/// <summary>The manifest, index and config media types of the OCI image spec and Docker's schema 2.</summary>
public static class MediaTypes
{
    /// <summary>An OCI image index (a multi-platform image).</summary>
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";

    /// <summary>An OCI image manifest.</summary>
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";

    /// <summary>Docker's manifest list (the schema 2 predecessor of the OCI index).</summary>
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";

    /// <summary>Docker's schema 2 image manifest.</summary>
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";

    /// <summary>An OCI image config.</summary>
    public const string OciConfig = "application/vnd.oci.image.config.v1+json";

    /// <summary>A Docker image config.</summary>
    public const string DockerConfig = "application/vnd.docker.container.image.v1+json";

    /// <summary>An OCI layer: a gzip-compressed tar.</summary>
    public const string OciLayerGzip = "application/vnd.oci.image.layer.v1.tar+gzip";

    /// <summary>The four manifest media types, sent in <c>Accept</c> so a registry never downgrades a manifest.</summary>
    public static IReadOnlyList<string> AllManifests { get; } = [OciIndex, DockerManifestList, OciManifest, DockerManifest];

    /// <summary>True for an index or manifest list.</summary>
    public static bool IsIndex(string? mediaType) => mediaType is OciIndex or DockerManifestList;

    /// <summary>True for a single-platform image manifest.</summary>
    public static bool IsManifest(string? mediaType) => mediaType is OciManifest or DockerManifest;
}
