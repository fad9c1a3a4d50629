using System.Text.Json;
using Pipeline.Rehearsal.GitHub.GraphQL.Language;
using Pipeline.Tests.Shared;

namespace Pipeline.Rehearsal.Tests.GitHub.Contract;

/// <summary>
/// GitHub's GraphQL schema (introspection JSON of the npm package <c>@octokit/graphql-schema</c>), used to check that
/// a document only selects fields and arguments that exist on github.com.
/// </summary>
public sealed class GraphSchema
{
    public const string PackageVersion = "15.26.1";

    private readonly Dictionary<string, JsonElement> _types;
    private readonly string _query;
    private readonly string _mutation;

    public GraphSchema()
    {
        var file = Path.Combine(NpmPackage.Ensure("@octokit/graphql-schema", PackageVersion, "graphql-schema"), "schema.json");
        using var stream = File.OpenRead(file);
        var schema = JsonDocument.Parse(stream).RootElement.GetProperty("__schema");
        _types = schema.GetProperty("types").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);
        _query = schema.GetProperty("queryType").GetProperty("name").GetString()!;
        _mutation = schema.GetProperty("mutationType").GetProperty("name").GetString()!;
    }

    public bool HasType(string name) => _types.ContainsKey(name);

    public IReadOnlyList<string> Validate(string source)
    {
        var document = Parser.Parse(source);
        var errors = new List<string>();
        foreach (var operation in document.Operations)
        {
            Check(document, operation.Kind == "mutation" ? _mutation : _query, operation.Selections, errors, operation.Kind);
        }

        return errors;
    }

    private void Check(GraphDocument document, string typeName, IReadOnlyList<Selection> selections, List<string> errors, string path)
    {
        if (!_types.TryGetValue(typeName, out var type))
        {
            errors.Add($"{path}: type {typeName} does not exist");
            return;
        }

        foreach (var selection in selections)
        {
            switch (selection)
            {
                case FieldSelection { Name: "__typename" }:
                    break;
                case FieldSelection field:
                    CheckField(document, typeName, type, field, errors, path + "." + field.ResponseKey);
                    break;
                case InlineFragment inline:
                    Check(document, inline.TypeCondition ?? typeName, inline.Selections, errors, $"{path}(on {inline.TypeCondition})");
                    break;
                case FragmentSpread spread:
                    var fragment = document.Fragments[spread.Name];
                    Check(document, fragment.TypeCondition, fragment.Selections, errors, $"{path}(...{spread.Name})");
                    break;
            }
        }
    }

    private void CheckField(GraphDocument document, string typeName, JsonElement type, FieldSelection field, List<string> errors, string path)
    {
        var definition = type.TryGetProperty("fields", out var fields) && fields.ValueKind == JsonValueKind.Array
            ? fields.EnumerateArray().FirstOrDefault(f => f.GetProperty("name").GetString() == field.Name)
            : default;
        if (definition.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{path}: field '{field.Name}' does not exist on {typeName}");
            return;
        }

        var arguments = definition.GetProperty("args").EnumerateArray().Select(a => a.GetProperty("name").GetString()).ToHashSet();
        errors.AddRange(field.Arguments.Keys.Where(a => !arguments.Contains(a)).Select(a => $"{path}: argument '{a}' does not exist"));
        var result = definition.GetProperty("type");
        while (result.GetProperty("kind").GetString() is "NON_NULL" or "LIST")
        {
            result = result.GetProperty("ofType");
        }

        var kind = result.GetProperty("kind").GetString();
        var resultName = result.GetProperty("name").GetString()!;
        if (kind is "OBJECT" or "INTERFACE" or "UNION")
        {
            if (field.Selections is null)
            {
                errors.Add($"{path}: {resultName} needs a selection set");
                return;
            }

            Check(document, resultName, field.Selections, errors, path);
        }
        else if (field.Selections is not null)
        {
            errors.Add($"{path}: {kind} {resultName} cannot have a selection set");
        }
    }
}
