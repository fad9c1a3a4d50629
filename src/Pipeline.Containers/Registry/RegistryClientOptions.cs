namespace Pipeline.Containers;

/// <summary>Settings of a <see cref="RegistryClient"/>.</summary>
public sealed record RegistryClientOptions
{
    /// <summary>Where credentials come from; anonymous when nothing is found.</summary>
    public RegistryCredentialProvider Credentials { get; init; } = new();

    /// <summary>
    /// Registries (<c>host:port</c>) spoken to over plain HTTP. Loopback registries always are;
    /// every other registry is spoken to over HTTPS.
    /// </summary>
    public IReadOnlyList<string> InsecureRegistries { get; init; } = [];

    /// <summary>Retries of 429, 5xx and dropped connections.</summary>
    public RetryOptions Retry { get; init; } = RegistryRetry.Default;

    /// <summary>Timeout of one HTTP request.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The <c>User-Agent</c> sent.</summary>
    public string UserAgent { get; init; } = "Pipeline.Containers";

    /// <summary>The scheme used for <paramref name="registry"/>: http for loopback and listed insecure registries.</summary>
    public string SchemeFor(string registry) =>
        RegistryHosts.IsLoopback(registry)
        || InsecureRegistries.Any(r => string.Equals(RegistryCredentialProvider.NormaliseRegistry(r), registry, StringComparison.OrdinalIgnoreCase))
            ? "http"
            : "https";
}
