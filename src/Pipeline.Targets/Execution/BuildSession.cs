namespace Pipeline.Targets;

/// <summary>The state a running build shares with its targets and component interfaces.</summary>
internal sealed class BuildSession
{
    private readonly Dictionary<string, object?> _values;
    private readonly Dictionary<string, string> _origins;

    public BuildSession(
        AbsolutePath root, HostKind host, bool isServerBuild, IReadOnlyDictionary<string, string> environment,
        Dictionary<string, object?> values, Dictionary<string, string>? origins = null)
    {
        Root = root;
        Host = host;
        IsServerBuild = isServerBuild;
        Environment = environment;
        _values = values;
        _origins = origins ?? [];
    }

    public AbsolutePath Root { get; }
    public HostKind Host { get; }
    public bool IsServerBuild { get; }
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>The command line, secrets redacted.</summary>
    public string Invocation { get; init; } = "./build.sh";

    public T? GetValue<T>(string parameter)
    {
        if (!_values.TryGetValue(parameter, out var value) || value is null)
        {
            return default;
        }

        if (value is T typed)
        {
            return typed;
        }

        throw new InvalidOperationException(
            $"Parameter '{parameter}' holds a {value.GetType().Name}, but TryGetValue<{typeof(T).Name}> asked for another type; use the parameter's declared type.");
    }

    /// <summary><c>command line</c>, <c>environment variable IMAGE</c>, <c>.nuke/parameters.json</c>, or <c>default</c>.</summary>
    public string SourceOf(string parameter) =>
        _origins.TryGetValue(parameter, out var origin) ? origin : ParameterOrigins.Default;
}
