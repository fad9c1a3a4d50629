using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Pipeline.Promotion.Edits;

/// <summary>
/// A dotted path into a values file: <c>backend.image.tag</c>, <c>"my.key".image</c>, <c>containers[0].image</c>,
/// <c>'it''s'.tag</c>. Keys are separated by <c>.</c>; a key containing <c>.</c>, <c>[</c>, <c>]</c>, quotes or
/// white space is written in double quotes (with <c>\"</c> and <c>\\</c> escapes) or single quotes (with
/// <c>''</c>); <c>[n]</c> after a key (or at the start) selects the n-th item of a sequence.
/// </summary>
public sealed class ValuesPath
{
    private ValuesPath(string text, IReadOnlyList<object> steps)
    {
        Text = text;
        Steps = steps;
    }

    /// <summary>The path as written.</summary>
    public string Text { get; }

    /// <summary>The steps: <see cref="string"/> keys and <see cref="int"/> sequence indices.</summary>
    internal IReadOnlyList<object> Steps { get; }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="ManifestEditConfigException"/> saying what is wrong.</summary>
    public static ValuesPath Parse(string text) =>
        TryParse(text, out var path, out var error) ? path : throw new ManifestEditConfigException(text, "path", $"Values path '{text}': {error}");

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ValuesPath? path, [NotNullWhen(false)] out string? error)
    {
        path = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "the path is empty; write keys separated by dots, e.g. backend.image.tag";
            return false;
        }

        var steps = new List<object>();
        var i = 0;
        var expectKey = true;
        while (i < text.Length)
        {
            if (text[i] == '[')
            {
                var close = text.IndexOf(']', i);
                if (close < 0 || !int.TryParse(text.AsSpan(i + 1, close - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    error = $"at {i + 1}: '[' must be followed by a number and ']', e.g. containers[0]";
                    return false;
                }

                steps.Add(index);
                i = close + 1;
                expectKey = false;
                continue;
            }

            if (!expectKey)
            {
                if (text[i] != '.')
                {
                    error = $"at {i + 1}: expected '.' or '[' after a key or index, found '{text[i]}'";
                    return false;
                }

                i++;
                expectKey = true;
                if (i == text.Length)
                {
                    error = "the path ends with '.'; remove it or add the key";
                    return false;
                }

                continue;
            }

            if (!ReadKey(text, ref i, out var key, out error))
            {
                return false;
            }

            steps.Add(key);
            expectKey = false;
        }

        path = new ValuesPath(text, steps);
        error = null;
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private static bool ReadKey(string text, ref int i, out string key, [NotNullWhen(false)] out string? error)
    {
        var builder = new StringBuilder();
        var quote = text[i];
        if (quote is '"' or '\'')
        {
            var start = i++;
            while (true)
            {
                if (i >= text.Length)
                {
                    key = "";
                    error = $"at {start + 1}: the quoted key is not closed with {quote}";
                    return false;
                }

                var c = text[i];
                if (quote == '"' && c == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\')
                {
                    builder.Append(text[i + 1]);
                    i += 2;
                }
                else if (quote == '\'' && c == '\'' && i + 1 < text.Length && text[i + 1] == '\'')
                {
                    builder.Append('\'');
                    i += 2;
                }
                else if (c == quote)
                {
                    i++;
                    break;
                }
                else
                {
                    builder.Append(c);
                    i++;
                }
            }
        }
        else
        {
            while (i < text.Length && text[i] is not ('.' or '['))
            {
                if (text[i] is ']' or '"' or '\'' || char.IsWhiteSpace(text[i]))
                {
                    key = "";
                    error = $"at {i + 1}: '{text[i]}' cannot appear in an unquoted key; quote the key, e.g. \"my key\"";
                    return false;
                }

                builder.Append(text[i++]);
            }

            if (builder.Length == 0)
            {
                key = "";
                error = $"at {i + 1}: a key is empty (two dots in a row, or a leading dot)";
                return false;
            }
        }

        key = builder.ToString();
        error = null;
        return true;
    }
}
