namespace Pipeline.Rehearsal.Infrastructure;

/// <summary>
/// A Docker engine and a loopback registry for tests and rehearsals. Uses a running engine or provides one
/// (see <see cref="LocalDockerEngine"/>), always starts its own registry, and on disposal stops only what it started.
/// </summary>
public sealed class LocalInfrastructure : IAsyncDisposable
{
    private LocalInfrastructure(LocalDockerEngine engine, LocalRegistry registry)
    {
        Engine = engine;
        Registry = registry;
    }

    /// <summary>The Docker engine.</summary>
    public LocalDockerEngine Engine { get; }

    /// <summary>The registry, at <c>127.0.0.1:port</c>.</summary>
    public LocalRegistry Registry { get; }

    /// <summary>Makes sure an engine and a registry are up.</summary>
    public static async Task<LocalInfrastructure> StartAsync(
        LocalDockerEngineOptions? engineOptions = null,
        LocalRegistryOptions? registryOptions = null,
        Action<string>? log = null,
        CancellationToken cancellationToken = default)
    {
        var engine = await LocalDockerEngine.EnsureAsync(engineOptions, log, cancellationToken).ConfigureAwait(false);
        try
        {
            var registry = await LocalRegistry.StartAsync(registryOptions, log, cancellationToken).ConfigureAwait(false);
            return new LocalInfrastructure(engine, registry);
        }
        catch
        {
            await engine.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops the registry, and the engine if it was started here.</summary>
    public async ValueTask DisposeAsync()
    {
        await Registry.DisposeAsync().ConfigureAwait(false);
        await Engine.DisposeAsync().ConfigureAwait(false);
    }
}
