using System.Text.Json.Nodes;

namespace Pipeline.Rehearsal.GitHub.GraphQL.Language;

/// <summary>A parsed GraphQL document: operations and named fragments.</summary>
internal sealed record GraphDocument(IReadOnlyList<GraphOperation> Operations, IReadOnlyDictionary<string, GraphFragment> Fragments);

/// <summary>A query or mutation.</summary>
internal sealed record GraphOperation(string Kind, string? Name, IReadOnlyList<VariableDefinition> Variables,
    IReadOnlyList<Selection> Selections);

/// <summary>A declared variable and its default value.</summary>
internal sealed record VariableDefinition(string Name, string Type, ValueNode? Default);

/// <summary>A named fragment: <c>fragment F on Type { ... }</c>.</summary>
internal sealed record GraphFragment(string Name, string TypeCondition, IReadOnlyList<Selection> Selections);

/// <summary>A position in the query text, for error locations.</summary>
internal sealed record SourceLocation(int Line, int Column);

/// <summary>Something inside a selection set.</summary>
internal abstract record Selection(SourceLocation Location);

/// <summary>A field, with alias, arguments and sub-selections.</summary>
internal sealed record FieldSelection(SourceLocation Location, string? Alias, string Name,
    IReadOnlyDictionary<string, ValueNode> Arguments, IReadOnlyList<Selection>? Selections) : Selection(Location)
{
    public string ResponseKey => Alias ?? Name;
}

/// <summary><c>... on Type { ... }</c> (type condition optional).</summary>
internal sealed record InlineFragment(SourceLocation Location, string? TypeCondition, IReadOnlyList<Selection> Selections)
    : Selection(Location);

/// <summary><c>...FragmentName</c>.</summary>
internal sealed record FragmentSpread(SourceLocation Location, string Name) : Selection(Location);

/// <summary>An argument or default value before variables are substituted.</summary>
internal abstract record ValueNode
{
    public abstract JsonNode? Evaluate(IReadOnlyDictionary<string, JsonNode?> variables);
}

/// <summary>A constant (string, number, boolean, enum value as a string, or null).</summary>
internal sealed record LiteralValue(JsonNode? Value) : ValueNode
{
    public override JsonNode? Evaluate(IReadOnlyDictionary<string, JsonNode?> variables) => Value?.DeepClone();
}

/// <summary><c>$name</c>.</summary>
internal sealed record VariableValue(string Name) : ValueNode
{
    public override JsonNode? Evaluate(IReadOnlyDictionary<string, JsonNode?> variables) =>
        variables.TryGetValue(Name, out var value) ? value?.DeepClone() : null;
}

/// <summary><c>[a, b]</c>.</summary>
internal sealed record ListValue(IReadOnlyList<ValueNode> Items) : ValueNode
{
    public override JsonNode? Evaluate(IReadOnlyDictionary<string, JsonNode?> variables) =>
        new JsonArray(Items.Select(i => i.Evaluate(variables)).ToArray());
}

/// <summary><c>{ key: value }</c>.</summary>
internal sealed record ObjectValue(IReadOnlyDictionary<string, ValueNode> Fields) : ValueNode
{
    public override JsonNode? Evaluate(IReadOnlyDictionary<string, JsonNode?> variables)
    {
        var result = new JsonObject();
        foreach (var (key, value) in Fields)
        {
            result[key] = value.Evaluate(variables);
        }

        return result;
    }
}
