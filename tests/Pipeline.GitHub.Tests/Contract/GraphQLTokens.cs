namespace Pipeline.GitHub.Tests.Contract;

/// <summary>Splits GraphQL text (a schema or a document) into names, variables and punctuation; strings and comments are dropped.</summary>
public static class GraphQLTokens
{
    public static List<string> Split(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c == ',')
            {
                i++;
            }
            else if (c == '#')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }
            }
            else if (text.AsSpan(i).StartsWith("\"\"\""))
            {
                var end = text.IndexOf("\"\"\"", i + 3, StringComparison.Ordinal);
                i = end + 3;
            }
            else if (c == '"')
            {
                i++;
                while (text[i] != '"')
                {
                    i += text[i] == '\\' ? 2 : 1;
                }

                i++;
                tokens.Add("\"\"");
            }
            else if (text.AsSpan(i).StartsWith("..."))
            {
                tokens.Add("...");
                i += 3;
            }
            else if (char.IsLetterOrDigit(c) || c is '_' or '$' or '-')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '$' or '-' or '.'))
                {
                    i++;
                }

                tokens.Add(text[start..i]);
            }
            else
            {
                tokens.Add(c.ToString());
                i++;
            }
        }

        return tokens;
    }
}
