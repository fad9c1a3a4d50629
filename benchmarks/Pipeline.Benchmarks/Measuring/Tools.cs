namespace Pipeline.Benchmarks.Measuring;

/// <summary>Which docker client can do what on this machine.</summary>
internal static class Tools
{
    /// <summary>
    /// Debian's docker.io client: with <c>DOCKER_BUILDKIT=1</c> its <c>docker build</c> uses BuildKit, which writes the
    /// requested architecture into a <c>FROM scratch</c> image (a newer client without the buildx plugin falls back
    /// to the classic builder, which does not).
    /// </summary>
    public const string BuildKitDocker = "/usr/bin/docker";

    /// <summary>The docker client for per-platform BuildKit builds: Debian's when present, else the one on PATH.</summary>
    public static string DockerForBuilds => File.Exists(BuildKitDocker) ? BuildKitDocker : "docker";

    /// <summary>The docker client whose buildx plugin works, or null when none does.</summary>
    public static async Task<string?> BuildxDockerAsync()
    {
        foreach (var docker in new[] { "docker", BuildKitDocker }.Distinct())
        {
            if (await ProcessRuns.TryReadAsync(docker, "buildx", "version").ConfigureAwait(false) is not null)
            {
                return docker;
            }
        }

        return null;
    }

    public static async Task<string?> BuildxVersionAsync() =>
        await BuildxDockerAsync().ConfigureAwait(false) is { } docker ? await ProcessRuns.TryReadAsync(docker, "buildx", "version").ConfigureAwait(false) : null;
}
