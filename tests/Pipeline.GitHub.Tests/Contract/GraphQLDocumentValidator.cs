using System.Text.Json;

namespace Pipeline.GitHub.Tests.Contract;

/// <summary>
/// Checks a GraphQL operation and the variables sent with it against GitHub's schema: every field, alias target,
/// argument and inline fragment exists; variable types match the arguments they feed; selections are present exactly
/// on composite types; and the variables' JSON fits the declared input types (no unknown field, no missing required one).
/// Covers the subset of GraphQL this package sends.
/// </summary>
public sealed class GraphQLDocumentValidator(GitHubGraphQLSchema schema)
{
    private readonly List<string> _problems = [];
    private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Validate(string document, JsonElement variables)
    {
        _problems.Clear();
        _variables.Clear();
        var t = GraphQLTokens.Split(document);
        var i = 0;
        var root = t[i++] switch { "query" => "Query", "mutation" => "Mutation", var other => throw new FormatException($"Unexpected operation '{other}'.") };
        if (t[i] != "(" && t[i] != "{")
        {
            i++; // operation name
        }

        if (t[i] == "(")
        {
            i++;
            while (t[i] != ")")
            {
                var name = t[i++].TrimStart('$');
                i++; // :
                _variables[name] = GitHubGraphQLSchema.ReadType(t, ref i);
            }

            i++;
        }

        Selection(t, ref i, root, root);
        foreach (var (name, type) in _variables)
        {
            if (variables.TryGetProperty(name, out var value))
            {
                Input(value, type, "$" + name);
            }
            else if (type.EndsWith('!'))
            {
                _problems.Add($"${name} ({type}) is declared but not sent");
            }
        }

        foreach (var sent in variables.EnumerateObject().Where(p => !_variables.ContainsKey(p.Name)))
        {
            _problems.Add($"variable ${sent.Name} is sent but not declared");
        }

        return _problems;
    }

    private void Selection(List<string> t, ref int i, string type, string path)
    {
        i++; // {
        while (t[i] != "}")
        {
            if (t[i] == "...")
            {
                i += 2; // ... on
                var fragment = t[i++];
                if (fragment != type && !(schema.Members.TryGetValue(type, out var possible) && possible.Contains(fragment)))
                {
                    _problems.Add($"{path}: '... on {fragment}' cannot apply to {type}");
                }

                Selection(t, ref i, fragment, path + "<" + fragment + ">");
                continue;
            }

            var name = t[i++];
            if (t[i] == ":")
            {
                name = t[i + 1];
                i += 2;
            }

            var where = path + "." + name;
            var known = schema.Fields.TryGetValue(type, out var fields) && fields.TryGetValue(name, out _);
            var field = known ? fields![name] : default;
            if (!known && name != "__typename")
            {
                _problems.Add($"{where}: {type} has no field '{name}'");
            }

            if (t[i] == "(")
            {
                i++;
                while (t[i] != ")")
                {
                    var argument = t[i++];
                    i++; // :
                    var value = t[i++];
                    if (known && !field.Arguments.ContainsKey(argument))
                    {
                        _problems.Add($"{where}: no argument '{argument}'");
                    }
                    else if (known && value.StartsWith('$') && _variables.TryGetValue(value[1..], out var declared)
                        && declared != field.Arguments[argument] && declared != field.Arguments[argument] + "!")
                    {
                        _problems.Add($"{where}({argument}): variable {value} is {declared} but the argument is {field.Arguments[argument]}");
                    }
                }

                i++;
            }

            var kind = known ? schema.Kinds.GetValueOrDefault(GitHubGraphQLSchema.BaseName(field.Type)) : null;
            var composite = kind is "type" or "interface" or "union";
            if (t[i] == "{")
            {
                if (known && !composite)
                {
                    _problems.Add($"{where}: {field.Type} has no fields to select");
                }

                Selection(t, ref i, known ? GitHubGraphQLSchema.BaseName(field.Type) : "?", where);
            }
            else if (composite)
            {
                _problems.Add($"{where}: {field.Type} needs a selection");
            }
        }

        i++;
    }

    private void Input(JsonElement value, string type, string where)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (type.EndsWith('!'))
            {
                _problems.Add($"{where}: null for non-null {type}");
            }

            return;
        }

        var bare = type.TrimEnd('!');
        if (bare.StartsWith('['))
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                _problems.Add($"{where}: expected a list for {type}");
                return;
            }

            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Input(item, bare[1..^1], $"{where}[{index++}]");
            }

            return;
        }

        switch (schema.Kinds.GetValueOrDefault(bare))
        {
            case "input":
                var fields = schema.Fields[bare];
                foreach (var property in value.EnumerateObject())
                {
                    if (fields.TryGetValue(property.Name, out var field))
                    {
                        Input(property.Value, field.Type, where + "." + property.Name);
                    }
                    else
                    {
                        _problems.Add($"{where}: {bare} has no field '{property.Name}'");
                    }
                }

                foreach (var (name, field) in fields.Where(f => f.Value.Type.EndsWith('!') && !f.Value.HasDefault))
                {
                    if (!value.TryGetProperty(name, out _))
                    {
                        _problems.Add($"{where}: required {bare}.{name} is missing");
                    }
                }

                break;
            case "enum":
                if (value.ValueKind != JsonValueKind.String || !schema.Members[bare].Contains(value.GetString()!))
                {
                    _problems.Add($"{where}: '{value}' is not a value of {bare}");
                }

                break;
            case "scalar":
                var expected = bare is "Int" or "Float" ? JsonValueKind.Number : bare == "Boolean" ? JsonValueKind.True : JsonValueKind.String;
                if (value.ValueKind != expected && !(expected == JsonValueKind.True && value.ValueKind == JsonValueKind.False))
                {
                    _problems.Add($"{where}: {value.ValueKind} for scalar {bare}");
                }

                break;
            default:
                _problems.Add($"{where}: unknown type {bare}");
                break;
        }
    }
}
