using Pipeline.Rehearsal.Infrastructure;

namespace Pipeline.Containers.Tests.Support;

[CollectionDefinition(Name)]
public sealed class DockerCollection : ICollectionFixture<DockerFixture>
{
    public const string Name = "Docker engine and registry";
}

/// <summary>The engine of this machine and a registry started for the test run; contexts with a static busybox per platform.</summary>
public sealed class DockerFixture : IAsyncLifetime
{
    private LocalInfrastructure? _infrastructure;

    public string Registry => _infrastructure?.Registry.Address ?? throw new InvalidOperationException("Docker is not available.");

    public string RunId { get; } = Guid.NewGuid().ToString("N")[..8];

    /// <summary>A repository name unique to this run and test.</summary>
    public string Repository(string name) => $"{Registry}/pipeline-tests/{name}-{RunId}";

    public async Task InitializeAsync()
    {
        if (DockerAvailability.SkipReason is null)
        {
            _infrastructure = await LocalInfrastructure.StartAsync(new LocalDockerEngineOptions { AllowStart = false });
        }
    }

    public async Task DisposeAsync()
    {
        if (_infrastructure is not null)
        {
            await _infrastructure.DisposeAsync();
        }
    }
}
