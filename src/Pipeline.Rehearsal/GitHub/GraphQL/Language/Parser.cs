using System.Globalization;
using System.Text.Json.Nodes;

namespace Pipeline.Rehearsal.GitHub.GraphQL.Language;

/// <summary>A recursive-descent parser for executable GraphQL documents (operations and fragments).</summary>
internal sealed class Parser
{
    private readonly List<Token> _tokens;
    private int _position;

    private Parser(string source) => _tokens = Lexer.Tokenize(source);

    private Token Current => _tokens[_position];

    public static GraphDocument Parse(string source)
    {
        var parser = new Parser(source);
        var operations = new List<GraphOperation>();
        var fragments = new Dictionary<string, GraphFragment>(StringComparer.Ordinal);
        while (parser.Current.Kind != TokenKind.End)
        {
            if (parser.Peek("{"))
            {
                operations.Add(new GraphOperation("query", null, [], parser.SelectionSet()));
            }
            else if (parser.Current is { Kind: TokenKind.Name, Text: "query" or "mutation" or "subscription" })
            {
                operations.Add(parser.Operation());
            }
            else if (parser.Current is { Kind: TokenKind.Name, Text: "fragment" })
            {
                var fragment = parser.Fragment();
                fragments[fragment.Name] = fragment;
            }
            else
            {
                throw parser.Unexpected();
            }
        }

        return new GraphDocument(operations, fragments);
    }

    private GraphOperation Operation()
    {
        var kind = Next().Text;
        var name = Current.Kind == TokenKind.Name ? Next().Text : null;
        var variables = new List<VariableDefinition>();
        if (Accept("("))
        {
            while (!Accept(")"))
            {
                Expect("$");
                var variable = Name();
                Expect(":");
                var type = TypeReference();
                var @default = Accept("=") ? Value() : null;
                Directives();
                variables.Add(new VariableDefinition(variable, type, @default));
            }
        }

        Directives();
        return new GraphOperation(kind, name, variables, SelectionSet());
    }

    private GraphFragment Fragment()
    {
        Next();
        var name = Name();
        if (Name() != "on")
        {
            throw Unexpected();
        }

        var type = Name();
        Directives();
        return new GraphFragment(name, type, SelectionSet());
    }

    private List<Selection> SelectionSet()
    {
        Expect("{");
        var selections = new List<Selection>();
        while (!Accept("}"))
        {
            var location = Current.Location;
            if (Accept("..."))
            {
                if (Current is { Kind: TokenKind.Name, Text: "on" })
                {
                    Next();
                    var type = Name();
                    Directives();
                    selections.Add(new InlineFragment(location, type, SelectionSet()));
                }
                else if (Peek("{") || Peek("@"))
                {
                    Directives();
                    selections.Add(new InlineFragment(location, null, SelectionSet()));
                }
                else
                {
                    selections.Add(new FragmentSpread(location, Name()));
                    Directives();
                }

                continue;
            }

            var name = Name();
            string? alias = null;
            if (Accept(":"))
            {
                alias = name;
                name = Name();
            }

            var arguments = new Dictionary<string, ValueNode>(StringComparer.Ordinal);
            if (Accept("("))
            {
                while (!Accept(")"))
                {
                    var argument = Name();
                    Expect(":");
                    arguments[argument] = Value();
                }
            }

            Directives();
            selections.Add(new FieldSelection(location, alias, name, arguments, Peek("{") ? SelectionSet() : null));
        }

        return selections;
    }

    private ValueNode Value()
    {
        var token = Current;
        if (Accept("$"))
        {
            return new VariableValue(Name());
        }

        if (Accept("["))
        {
            var items = new List<ValueNode>();
            while (!Accept("]"))
            {
                items.Add(Value());
            }

            return new ListValue(items);
        }

        if (Accept("{"))
        {
            var fields = new Dictionary<string, ValueNode>(StringComparer.Ordinal);
            while (!Accept("}"))
            {
                var name = Name();
                Expect(":");
                fields[name] = Value();
            }

            return new ObjectValue(fields);
        }

        Next();
        return token.Kind switch
        {
            TokenKind.Int => new LiteralValue(JsonValue.Create(long.Parse(token.Text, CultureInfo.InvariantCulture))),
            TokenKind.Float => new LiteralValue(JsonValue.Create(double.Parse(token.Text, CultureInfo.InvariantCulture))),
            TokenKind.String => new LiteralValue(JsonValue.Create(token.Text)),
            TokenKind.Name => token.Text switch
            {
                "true" => new LiteralValue(JsonValue.Create(true)),
                "false" => new LiteralValue(JsonValue.Create(false)),
                "null" => new LiteralValue(null),
                _ => new LiteralValue(JsonValue.Create(token.Text)),
            },
            _ => throw new GraphSyntaxException($"Parse error on \"{token.Text}\" ({token.Kind.ToString().ToUpperInvariant()})", token.Location),
        };
    }

    private string TypeReference()
    {
        string type;
        if (Accept("["))
        {
            type = "[" + TypeReference() + "]";
            Expect("]");
        }
        else
        {
            type = Name();
        }

        return Accept("!") ? type + "!" : type;
    }

    private void Directives()
    {
        while (Accept("@"))
        {
            Name();
            if (Accept("("))
            {
                while (!Accept(")"))
                {
                    Name();
                    Expect(":");
                    Value();
                }
            }
        }
    }

    private string Name() => Current.Kind == TokenKind.Name ? Next().Text : throw Unexpected();

    private Token Next() => _tokens[_position++];

    private bool Peek(string punctuator) => Current is { Kind: TokenKind.Punctuator } t && t.Text == punctuator;

    private bool Accept(string punctuator)
    {
        if (!Peek(punctuator))
        {
            return false;
        }

        _position++;
        return true;
    }

    private void Expect(string punctuator)
    {
        if (!Accept(punctuator))
        {
            throw Unexpected();
        }
    }

    private GraphSyntaxException Unexpected() => Current.Kind == TokenKind.End
        ? new GraphSyntaxException("Parse error on end of file", Current.Location)
        : new GraphSyntaxException($"Parse error on \"{Current.Text}\" ({Current.Kind.ToString().ToUpperInvariant()})", Current.Location);
}
