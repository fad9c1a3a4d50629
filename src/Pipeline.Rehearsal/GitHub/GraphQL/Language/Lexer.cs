using System.Globalization;

namespace Pipeline.Rehearsal.GitHub.GraphQL.Language;

/// <summary>The kinds of GraphQL tokens.</summary>
internal enum TokenKind
{
    End,
    Punctuator,
    Name,
    Int,
    Float,
    String,
}

/// <summary>One token with its position.</summary>
internal sealed record Token(TokenKind Kind, string Text, SourceLocation Location);

/// <summary>Splits GraphQL source text into tokens (commas and comments are insignificant).</summary>
internal static class Lexer
{
    public static List<Token> Tokenize(string source)
    {
        var tokens = new List<Token>();
        int i = 0, line = 1, lineStart = 0;
        while (true)
        {
            while (i < source.Length && (char.IsWhiteSpace(source[i]) || source[i] == ',' || source[i] == '#' || source[i] == '\uFEFF'))
            {
                if (source[i] == '#')
                {
                    while (i < source.Length && source[i] != '\n')
                    {
                        i++;
                    }

                    continue;
                }

                if (source[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }

                i++;
            }

            var location = new SourceLocation(line, i - lineStart + 1);
            if (i >= source.Length)
            {
                tokens.Add(new Token(TokenKind.End, "", location));
                return tokens;
            }

            var c = source[i];
            if (source.AsSpan(i).StartsWith("..."))
            {
                tokens.Add(new Token(TokenKind.Punctuator, "...", location));
                i += 3;
            }
            else if ("!$()[]{}:=@|&".Contains(c))
            {
                tokens.Add(new Token(TokenKind.Punctuator, c.ToString(), location));
                i++;
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < source.Length && (char.IsAsciiLetterOrDigit(source[i]) || source[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Name, source[start..i], location));
            }
            else if (char.IsAsciiDigit(c) || c == '-')
            {
                var start = i++;
                var isFloat = false;
                while (i < source.Length && (char.IsAsciiDigit(source[i]) || source[i] is '.' or 'e' or 'E' or '+' or '-'))
                {
                    isFloat |= source[i] is '.' or 'e' or 'E';
                    i++;
                }

                tokens.Add(new Token(isFloat ? TokenKind.Float : TokenKind.Int, source[start..i], location));
            }
            else if (c == '"')
            {
                var block = source.AsSpan(i).StartsWith("\"\"\"");
                var (text, end) = block ? ReadBlockString(source, i + 3) : ReadString(source, i + 1, location);
                for (var k = i; k < end; k++)
                {
                    if (source[k] == '\n')
                    {
                        line++;
                        lineStart = k + 1;
                    }
                }

                tokens.Add(new Token(TokenKind.String, text, location));
                i = end;
            }
            else
            {
                throw new GraphSyntaxException($"Parse error on \"{c}\"", location);
            }
        }
    }

    private static (string Text, int End) ReadString(string source, int i, SourceLocation location)
    {
        var text = new StringBuilder();
        while (i < source.Length && source[i] != '"')
        {
            if (source[i] == '\n')
            {
                throw new GraphSyntaxException("Unterminated string", location);
            }

            if (source[i] != '\\')
            {
                text.Append(source[i++]);
                continue;
            }

            var escape = source[i + 1];
            i += 2;
            switch (escape)
            {
                case 'n': text.Append('\n'); break;
                case 't': text.Append('\t'); break;
                case 'r': text.Append('\r'); break;
                case 'b': text.Append('\b'); break;
                case 'f': text.Append('\f'); break;
                case 'u':
                    text.Append((char)int.Parse(source.AsSpan(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                default: text.Append(escape); break;
            }
        }

        if (i >= source.Length)
        {
            throw new GraphSyntaxException("Unterminated string", location);
        }

        return (text.ToString(), i + 1);
    }

    private static (string Text, int End) ReadBlockString(string source, int i)
    {
        var end = source.IndexOf("\"\"\"", i, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new GraphSyntaxException("Unterminated string", new SourceLocation(0, 0));
        }

        var lines = source[i..end].Replace("\\\"\"\"", "\"\"\"", StringComparison.Ordinal).Split('\n');
        var indent = lines.Skip(1).Where(l => l.Trim().Length > 0)
            .Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        var trimmed = lines.Select((l, n) => n == 0 ? l : l[Math.Min(indent, l.Length)..]).ToList();
        while (trimmed.Count > 0 && trimmed[0].Trim().Length == 0)
        {
            trimmed.RemoveAt(0);
        }

        while (trimmed.Count > 0 && trimmed[^1].Trim().Length == 0)
        {
            trimmed.RemoveAt(trimmed.Count - 1);
        }

        return (string.Join('\n', trimmed), end + 3);
    }
}

/// <summary>The query text is not valid GraphQL.</summary>
internal sealed class GraphSyntaxException(string message, SourceLocation location) : Exception(message)
{
    public SourceLocation Location { get; } = location;
}
