using System.Globalization;
using System.Text.Json.Nodes;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Ast = GraphQLParser.AST;

namespace Pipeline.Rehearsal.GitHub.GraphQL.Language;

/// <summary>
/// Reads executable GraphQL documents with GraphQL-Parser (the lexer and parser GraphQL.NET uses, to the spec) and
/// turns them into the small syntax tree the executor walks.
/// </summary>
internal static class Parser
{
    public static GraphDocument Parse(string source)
    {
        GraphQLDocument document;
        try
        {
            document = GraphQLParser.Parser.Parse(source, new GraphQLParser.ParserOptions { Ignore = GraphQLParser.IgnoreOptions.Comments });
        }
        catch (GraphQLParserException error)
        {
            throw new GraphSyntaxException(error.Description, new SourceLocation(error.Location.Line, error.Location.Column));
        }

        var operations = new List<GraphOperation>();
        var fragments = new Dictionary<string, GraphFragment>(StringComparer.Ordinal);
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLOperationDefinition operation:
                    operations.Add(new GraphOperation(
                        operation.Operation switch
                        {
                            OperationType.Mutation => "mutation",
                            OperationType.Subscription => "subscription",
                            _ => "query",
                        },
                        operation.Name?.StringValue,
                        operation.Variables?.Items.Select(v => new VariableDefinition(v.Variable.Name.StringValue, TypeName(v.Type),
                            v.DefaultValue is null ? null : Value(v.DefaultValue))).ToList() ?? [],
                        Selections(source, operation.SelectionSet)));
                    break;
                case GraphQLFragmentDefinition fragment:
                    fragments[fragment.FragmentName.Name.StringValue] = new GraphFragment(fragment.FragmentName.Name.StringValue,
                        fragment.TypeCondition.Type.Name.StringValue, Selections(source, fragment.SelectionSet));
                    break;
                default:
                    throw new GraphSyntaxException($"Definition of kind {definition.Kind} is not executable", Locate(source, definition));
            }
        }

        return new GraphDocument(operations, fragments);
    }

    private static List<Selection> Selections(string source, GraphQLSelectionSet set) =>
        set.Selections.Select(selection => selection switch
        {
            GraphQLField field => (Selection)new FieldSelection(Locate(source, field), field.Alias?.Name.StringValue, field.Name.StringValue,
                field.Arguments?.Items.ToDictionary(a => a.Name.StringValue, a => Value(a.Value), StringComparer.Ordinal)
                    ?? new Dictionary<string, ValueNode>(StringComparer.Ordinal),
                field.SelectionSet is null ? null : Selections(source, field.SelectionSet)),
            GraphQLInlineFragment inline => new InlineFragment(Locate(source, inline), inline.TypeCondition?.Type.Name.StringValue,
                Selections(source, inline.SelectionSet)),
            GraphQLFragmentSpread spread => new FragmentSpread(Locate(source, spread), spread.FragmentName.Name.StringValue),
            _ => throw new GraphSyntaxException($"Unexpected {selection.Kind} in a selection set", Locate(source, selection)),
        }).ToList();

    private static ValueNode Value(GraphQLValue value) => value switch
    {
        GraphQLVariable variable => new VariableValue(variable.Name.StringValue),
        GraphQLListValue list => new ListValue(list.Values?.Select(Value).ToList() ?? []),
        GraphQLObjectValue obj => new ObjectValue(obj.Fields?.ToDictionary(f => f.Name.StringValue, f => Value(f.Value), StringComparer.Ordinal)
            ?? new Dictionary<string, ValueNode>(StringComparer.Ordinal)),
        GraphQLIntValue number => new LiteralValue(JsonValue.Create(long.Parse(number.Value.Span, CultureInfo.InvariantCulture))),
        GraphQLFloatValue number => new LiteralValue(JsonValue.Create(double.Parse(number.Value.Span, CultureInfo.InvariantCulture))),
        GraphQLStringValue text => new LiteralValue(JsonValue.Create(text.Value.ToString())),
        GraphQLBooleanValue boolean => new LiteralValue(JsonValue.Create(boolean.BoolValue)),
        GraphQLNullValue => new LiteralValue(null),
        GraphQLEnumValue enumeration => new LiteralValue(JsonValue.Create(enumeration.Name.StringValue)),
        _ => throw new GraphSyntaxException($"Unexpected value of kind {value.Kind}", new SourceLocation(0, 0)),
    };

    private static string TypeName(GraphQLType type) => type switch
    {
        GraphQLNonNullType nonNull => TypeName(nonNull.Type) + "!",
        GraphQLListType list => "[" + TypeName(list.Type) + "]",
        GraphQLNamedType named => named.Name.StringValue,
        _ => type.Kind.ToString(),
    };

    private static SourceLocation Locate(string source, Ast.ASTNode node)
    {
        var location = GraphQLParser.Location.FromLinearPosition(source, node.Location.Start);
        return new SourceLocation(location.Line, location.Column);
    }
}

/// <summary>The query text is not valid GraphQL.</summary>
internal sealed class GraphSyntaxException(string message, SourceLocation location) : Exception(message)
{
    public SourceLocation Location { get; } = location;
}
