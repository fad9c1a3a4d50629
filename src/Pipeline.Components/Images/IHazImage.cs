using Pipeline.Containers;
using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>The image a build produces and how to build and push it.</summary>
public interface IHazImage : IHazDryRun
{
    /// <summary>The repository to push to, without tag (<c>ghcr.io/org/app</c>).</summary>
    [Parameter("Image repository to push to, without tag, e.g. ghcr.io/org/app.")]
    string? Image => TryGetValue<string>();

    /// <summary>The platforms to build.</summary>
    [Parameter("Platforms to build.")]
    string[] Platforms => TryGetValue<string[]>() ?? ["linux/amd64", "linux/arm64"];

    /// <summary>The build context.</summary>
    [Parameter("Build context directory (default: the root).")]
    AbsolutePath Context => TryGetValue<AbsolutePath>() ?? RootDirectory;

    /// <summary>The Dockerfile; null for the context's own.</summary>
    [Parameter("Dockerfile (default: Dockerfile in the context).")]
    AbsolutePath? Dockerfile => TryGetValue<AbsolutePath>();

    /// <summary>Tags besides the short commit SHA.</summary>
    [Parameter("Tags besides the short commit SHA, e.g. latest, a branch, a version.")]
    string[] Tags => TryGetValue<string[]>() ?? [];

    /// <summary>How the image is built.</summary>
    [Parameter("How to build: Auto (Direct when the Dockerfile runs nothing, else buildx if installed, else the engine), Buildx, Engine, Split (one platform per runner, then MergeImage), or Direct (FROM scratch layers written from the context, no engine).")]
    BuildStrategyKind BuildStrategy => TryGetValue<BuildStrategyKind?>() ?? BuildStrategyKind.Auto;

    /// <summary>Registries spoken to over plain HTTP.</summary>
    [Parameter("Registries reached over plain HTTP (loopback always is).")]
    string[] InsecureRegistries => TryGetValue<string[]>() ?? [];

    /// <summary>The registry user.</summary>
    [Parameter("User name for the registry (default: ~/.docker/config.json, or GITHUB_TOKEN for ghcr.io).")]
    string? RegistryUsername => TryGetValue<string>();

    /// <summary>The registry password or token.</summary>
    [Parameter("Password or token for the registry.")]
    [Secret]
    string? RegistryPassword => TryGetValue<string>();

    /// <summary>Build even when the registry already holds this commit's image.</summary>
    [Parameter("Build even when the registry already holds an image of this commit for every platform.")]
    bool Rebuild => TryGetValue<bool?>() ?? false;

    /// <summary>Where the image record goes (<c>artifacts/image.json</c>).</summary>
    AbsolutePath ImageRecordPath => ArtifactsDirectory / "image.json";
}
