using System.Text.Json.Nodes;

namespace Pipeline.Rehearsal.GitHub.GraphQL.Execution;

/// <summary>
/// An object of the schema: a type name, the interfaces it implements, and lazily resolved fields. Resolvers
/// return scalars, <see cref="GraphObject"/>s, lists of either, or null.
/// </summary>
internal sealed class GraphObject(string typeName, params string[] interfaces)
{
    private readonly Dictionary<string, Func<GraphArguments, Task<object?>>> _fields = new(StringComparer.Ordinal);

    public string TypeName { get; } = typeName;

    public bool Is(string type) => type == TypeName || interfaces.Contains(type);

    /// <summary>The fields this object answers, for introspection (<c>__type { fields { name } }</c>).</summary>
    public IEnumerable<string> FieldNames => _fields.Keys;

    public GraphObject Field(string name, Func<GraphArguments, Task<object?>> resolve)
    {
        _fields[name] = resolve;
        return this;
    }

    public GraphObject Field(string name, Func<object?> resolve) =>
        Field(name, _ => Task.FromResult(resolve()));

    public GraphObject Value(string name, object? value) => Field(name, _ => Task.FromResult(value));

    public Task<object?> ResolveAsync(string field, GraphArguments arguments) =>
        _fields.TryGetValue(field, out var resolve)
            ? resolve(arguments)
            : throw new GraphError("undefinedField", $"Field '{field}' doesn't exist on type '{TypeName}'");
}

/// <summary>The evaluated arguments of one field.</summary>
internal sealed class GraphArguments(IReadOnlyDictionary<string, JsonNode?> values)
{
    public static readonly GraphArguments None = new(new Dictionary<string, JsonNode?>());

    public JsonNode? this[string name] => values.GetValueOrDefault(name);

    public string? String(string name) => this[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public int? Int(string name) => this[name] is JsonValue v && v.TryGetValue<long>(out var l) ? (int)l : null;

    public JsonObject? Object(string name) => this[name] as JsonObject;

    public string RequiredString(string name) => String(name)
        ?? throw new GraphError("argumentLiteralsIncompatible", $"Argument '{name}' is required and must be a String");
}

/// <summary>
/// A GraphQL error as GitHub reports it: a <c>type</c> (NOT_FOUND, FORBIDDEN, STALE_DATA, UNPROCESSABLE...) and a message;
/// the field that raised it becomes null.
/// </summary>
internal sealed class GraphError(string type, string message) : Exception(message)
{
    public string Type { get; } = type;
}
