using System.Text;
using System.Text.Json;

namespace Pipeline.Containers;

/// <summary>
/// Finds the credential for a registry, in this order: credentials given explicitly (parameters),
/// the <c>auths</c> of the Docker config file (<c>$DOCKER_CONFIG/config.json</c> or <c>~/.docker/config.json</c>),
/// then <c>GITHUB_TOKEN</c> for <c>ghcr.io</c>. Nothing found means anonymous access.
/// Credential helpers (<c>credsStore</c>, <c>credHelpers</c>) are never run: credentials are sent explicitly.
/// </summary>
public sealed class RegistryCredentialProvider
{
    private readonly IReadOnlyDictionary<string, RegistryCredential> _explicit;
    private readonly string? _dockerConfigPath;
    private readonly Func<string, string?> _environment;
    private readonly Lazy<IReadOnlyDictionary<string, RegistryCredential>> _dockerConfig;

    /// <summary>Creates a provider.</summary>
    /// <param name="explicitCredentials">Credentials by registry (<c>ghcr.io</c>, <c>localhost:5000</c>), taking precedence.</param>
    /// <param name="dockerConfigPath">The Docker config file; null for the default location, empty to skip it.</param>
    /// <param name="environment">Reads environment variables; null for the process environment.</param>
    public RegistryCredentialProvider(
        IReadOnlyDictionary<string, RegistryCredential>? explicitCredentials = null,
        string? dockerConfigPath = null,
        Func<string, string?>? environment = null)
    {
        _explicit = explicitCredentials ?? new Dictionary<string, RegistryCredential>();
        _environment = environment ?? Environment.GetEnvironmentVariable;
        _dockerConfigPath = dockerConfigPath ?? DefaultDockerConfigPath(_environment);
        _dockerConfig = new Lazy<IReadOnlyDictionary<string, RegistryCredential>>(ReadDockerConfig);
    }

    /// <summary>A provider that never finds credentials.</summary>
    public static RegistryCredentialProvider Anonymous { get; } = new(dockerConfigPath: string.Empty, environment: _ => null);

    /// <summary>A provider that returns <paramref name="credential"/> for <paramref name="registry"/> and otherwise behaves like this one.</summary>
    public RegistryCredentialProvider With(string registry, RegistryCredential credential)
    {
        var merged = new Dictionary<string, RegistryCredential>(StringComparer.Ordinal);
        foreach (var (name, value) in _explicit)
        {
            merged[NormaliseRegistry(name)] = value;
        }

        merged[NormaliseRegistry(registry)] = credential;
        return new RegistryCredentialProvider(merged, _dockerConfigPath ?? string.Empty, _environment);
    }

    /// <summary>The credential for <paramref name="registry"/>, or null for anonymous access.</summary>
    public RegistryCredential? Find(string registry)
    {
        var key = NormaliseRegistry(registry);
        foreach (var (name, credential) in _explicit)
        {
            if (NormaliseRegistry(name) == key)
            {
                return credential;
            }
        }

        if (_dockerConfig.Value.TryGetValue(key, out var fromConfig))
        {
            return fromConfig;
        }

        if (key == "ghcr.io" && _environment("GITHUB_TOKEN") is { Length: > 0 } token)
        {
            var actor = _environment("GITHUB_ACTOR") is { Length: > 0 } a ? a : "github-actions";
            return new RegistryCredential(actor, new Secret(token), "GITHUB_TOKEN");
        }

        return null;
    }

    /// <summary><c>https://index.docker.io/v1/</c> and <c>index.docker.io</c> become <c>docker.io</c>; schemes and paths go.</summary>
    internal static string NormaliseRegistry(string registry)
    {
        var text = registry.Trim();
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            text = text[(scheme + 3)..];
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            text = text[..slash];
        }

        text = text.ToLowerInvariant();
        return text is "index.docker.io" or "registry-1.docker.io" ? ImageReference.DockerHub : text;
    }

    private static string DefaultDockerConfigPath(Func<string, string?> environment)
    {
        var folder = environment("DOCKER_CONFIG") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker");
        return Path.Combine(folder, "config.json");
    }

    private Dictionary<string, RegistryCredential> ReadDockerConfig()
    {
        var result = new Dictionary<string, RegistryCredential>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(_dockerConfigPath) || !File.Exists(_dockerConfigPath))
        {
            return result;
        }

        try
        {
            var config = JsonSerializer.Deserialize(File.ReadAllBytes(_dockerConfigPath), ContainersJsonContext.Default.DockerConfigFile);
            foreach (var (name, entry) in config?.Auths ?? [])
            {
                if (ToCredential(entry) is { } credential)
                {
                    result[NormaliseRegistry(name)] = credential;
                }
            }
        }
        catch (JsonException exception)
        {
            throw new ContainerException(
                $"The Docker config file '{_dockerConfigPath}' is not valid JSON ({exception.Message}); fix or remove it.",
                exception);
        }

        return result;
    }

    private RegistryCredential? ToCredential(DockerConfigAuth entry)
    {
        var source = $"'auths' in {_dockerConfigPath}";
        if (!string.IsNullOrEmpty(entry.Auth))
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(entry.Auth));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : new RegistryCredential(decoded[..colon], new Secret(decoded[(colon + 1)..]), source);
        }

        return string.IsNullOrEmpty(entry.Username) || string.IsNullOrEmpty(entry.Password)
            ? null
            : new RegistryCredential(entry.Username, new Secret(entry.Password), source);
    }
}
