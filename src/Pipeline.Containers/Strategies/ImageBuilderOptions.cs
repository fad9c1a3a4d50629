namespace Pipeline.Containers;

/// <summary>Settings shared by every build of a <see cref="MultiPlatformImageBuilder"/>.</summary>
public sealed record ImageBuilderOptions
{
    /// <summary>The Docker engine; null reads <c>DOCKER_HOST</c>.</summary>
    public DockerEndpoint? Endpoint { get; init; }

    /// <summary>The docker program for buildx; <c>docker</c> finds it on PATH.</summary>
    public string DockerProgram { get; init; } = "docker";

    /// <summary>Credentials besides the request's own (Docker config, GITHUB_TOKEN); null for the defaults.</summary>
    public RegistryCredentialProvider? Credentials { get; init; }

    /// <summary>Retries of registry requests.</summary>
    public RetryOptions Retry { get; init; } = RegistryRetry.Default;

    /// <summary>
    /// Build output, one line at a time (prefixed with the platform when several build at once). Should report
    /// synchronously (not <see cref="Progress{T}"/>, which may reorder lines).
    /// </summary>
    public IProgress<string>? Output { get; init; }

    /// <summary>Push progress for progress bars, e.g. <see cref="ConsolePushProgress"/>.</summary>
    public IProgress<PushProgress>? PushProgress { get; init; }

    /// <summary>Where the split strategy writes and reads each platform's digest.</summary>
    public string ArtifactsDirectory { get; init; } = "artifacts";

    /// <summary>How many platforms the engine strategy builds at once; 0 for all of them.</summary>
    public int MaxParallelBuilds { get; init; }

    /// <summary>The clock for the <c>created</c> label.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>A registry client for a request: its insecure registries and credential on top of <see cref="Credentials"/>.</summary>
    internal RegistryClient CreateRegistryClient(ImageBuildRequest request, ImageReference repository) =>
        CreateRegistryClient(repository, request.Credential, request.InsecureRegistries);

    /// <summary>A registry client with <paramref name="credential"/> for the repository's registry on top of <see cref="Credentials"/>.</summary>
    internal RegistryClient CreateRegistryClient(ImageReference repository, RegistryCredential? credential, IReadOnlyList<string> insecureRegistries)
    {
        var credentials = Credentials ?? new RegistryCredentialProvider();
        if (credential is not null)
        {
            credentials = credentials.With(repository.Registry, credential);
        }

        return new RegistryClient(new RegistryClientOptions { Credentials = credentials, InsecureRegistries = insecureRegistries, Retry = Retry });
    }
}
