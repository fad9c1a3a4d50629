using System.Text.Json.Nodes;
using Pipeline.Rehearsal.GitHub.GraphQL.Language;

namespace Pipeline.Rehearsal.GitHub.GraphQL.Execution;

/// <summary>Executes one operation of a parsed document against root objects, collecting field errors.</summary>
internal sealed class Executor(GraphDocument document, IReadOnlyDictionary<string, JsonNode?> variables)
{
    private readonly JsonArray _errors = [];

    public async Task<JsonObject> ExecuteAsync(GraphOperation operation, GraphObject root)
    {
        var data = await SelectAsync(root, operation.Selections, []);
        var response = new JsonObject { ["data"] = data };
        if (_errors.Count > 0)
        {
            response["errors"] = _errors;
        }

        return response;
    }

    /// <summary>Resolves fields one after another (GitHub runs mutation fields serially; queries need no more).</summary>
    private async Task<JsonObject> SelectAsync(GraphObject target, IReadOnlyList<Selection> selections,
        IReadOnlyList<JsonNode> path)
    {
        var result = new JsonObject();
        foreach (var field in Collect(target, selections))
        {
            var fieldPath = path.Append(JsonValue.Create(field.ResponseKey)!).ToList();
            if (field.Name == "__typename")
            {
                result[field.ResponseKey] = target.TypeName;
                continue;
            }

            try
            {
                var arguments = new GraphArguments(field.Arguments.ToDictionary(a => a.Key, a => a.Value.Evaluate(variables)));
                var value = await target.ResolveAsync(field.Name, arguments);
                result[field.ResponseKey] = await CompleteAsync(value, field, fieldPath);
            }
            catch (GraphError error)
            {
                _errors.Add(Error(error, field.Location, fieldPath));
                result[field.ResponseKey] = null;
            }
        }

        return result;
    }

    private async Task<JsonNode?> CompleteAsync(object? value, FieldSelection field, List<JsonNode> path)
    {
        switch (value)
        {
            case null:
                return null;
            case GraphObject obj:
                if (field.Selections is null)
                {
                    throw new GraphError("selectionMismatch",
                        $"Field must have selections (field '{field.Name}' returns {obj.TypeName} but has no selections. Did you mean '{field.Name} {{ ... }}'?)");
                }

                return await SelectAsync(obj, field.Selections, path);
            case JsonNode node:
                return node.DeepClone();
            case string or bool or int or long or double:
                return JsonValue.Create(value);
            case System.Collections.IEnumerable items:
                var array = new JsonArray();
                var index = 0;
                foreach (var item in items)
                {
                    array.Add(await CompleteAsync(item, field, [.. path, JsonValue.Create(index++)!]));
                }

                return array;
            default:
                return JsonValue.Create(value.ToString());
        }
    }

    private IEnumerable<FieldSelection> Collect(GraphObject target, IReadOnlyList<Selection> selections)
    {
        foreach (var selection in selections)
        {
            switch (selection)
            {
                case FieldSelection field:
                    yield return field;
                    break;
                case InlineFragment inline when inline.TypeCondition is null || target.Is(inline.TypeCondition):
                    foreach (var inner in Collect(target, inline.Selections))
                    {
                        yield return inner;
                    }

                    break;
                case FragmentSpread spread:
                    var fragment = document.Fragments.GetValueOrDefault(spread.Name)
                        ?? throw new GraphError("useAndDefineFragment", $"Fragment {spread.Name} was used, but not defined");
                    if (target.Is(fragment.TypeCondition))
                    {
                        foreach (var inner in Collect(target, fragment.Selections))
                        {
                            yield return inner;
                        }
                    }

                    break;
            }
        }
    }

    private static JsonObject Error(GraphError error, SourceLocation location, List<JsonNode> path)
    {
        var json = new JsonObject
        {
            ["type"] = error.Type,
            ["path"] = new JsonArray(path.Select(p => p.DeepClone()).ToArray()),
            ["locations"] = new JsonArray(new JsonObject { ["line"] = location.Line, ["column"] = location.Column }),
            ["message"] = error.Message,
        };
        return json;
    }
}
