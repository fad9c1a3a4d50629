using System.Text;

namespace Pipeline.Containers;

/// <summary>
/// Variable expansion and word splitting as BuildKit's shell lexer does them for Dockerfile instructions:
/// <c>$NAME</c>, <c>${NAME}</c>, <c>${NAME:-word}</c>, <c>${NAME-word}</c>, <c>${NAME:+word}</c>, <c>${NAME+word}</c>,
/// <c>${NAME:?message}</c>; single quotes literal, double quotes expanding, the escape character taking the next
/// character literally. Quotes are removed. <see cref="Words"/> splits on unquoted white space, including white space
/// that an unquoted expansion brings in.
/// </summary>
internal sealed class DockerfileWords(char escape, Func<string, string?> lookup)
{
    /// <summary>The text expanded as one word (white space kept).</summary>
    public string Word(string text) => Process(text, split: false)[0];

    /// <summary>The text expanded and split into words.</summary>
    public IReadOnlyList<string> Words(string text) => Process(text, split: true);

    private List<string> Process(string text, bool split)
    {
        var words = new WordList(split);
        var position = 0;
        Run(text, ref position, stopAt: null, words);
        return words.Finish();
    }

    private void Run(string text, ref int i, char? stopAt, WordList words)
    {
        while (i < text.Length)
        {
            var c = text[i];
            if (stopAt is { } stop && c == stop)
            {
                return;
            }

            if (c == escape)
            {
                i++;
                if (i < text.Length)
                {
                    words.Raw(text[i++]);
                }
                else
                {
                    words.Raw(escape);
                }
            }
            else if (c == '\'')
            {
                i++;
                words.Quoted();
                var end = text.IndexOf('\'', i);
                if (end < 0)
                {
                    throw new FormatException("unexpected end of text: a single quote is not closed");
                }

                words.Raw(text.AsSpan(i, end - i));
                i = end + 1;
            }
            else if (c == '"')
            {
                i++;
                words.Quoted();
                DoubleQuoted(text, ref i, words);
            }
            else if (c == '$')
            {
                i++;
                var value = Dollar(text, ref i);
                if (value is not null)
                {
                    words.Expanded(value);
                }
            }
            else
            {
                words.Plain(c);
                i++;
            }
        }
    }

    private void DoubleQuoted(string text, ref int i, WordList words)
    {
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"')
            {
                i++;
                return;
            }

            if (c == '$')
            {
                i++;
                words.Raw(Dollar(text, ref i) ?? string.Empty);
            }
            else if (c == escape && i + 1 < text.Length && (text[i + 1] is '"' or '$' || text[i + 1] == escape))
            {
                words.Raw(text[i + 1]);
                i += 2;
            }
            else
            {
                words.Raw(c);
                i++;
            }
        }

        throw new FormatException("unexpected end of text: a double quote is not closed");
    }

    /// <summary>After a <c>$</c>: the expansion, or <c>$</c> itself when no name follows.</summary>
    private string? Dollar(string text, ref int i)
    {
        if (i >= text.Length)
        {
            return "$";
        }

        if (text[i] != '{')
        {
            var start = i;
            while (i < text.Length && IsNameChar(text[i]))
            {
                i++;
            }

            return i == start ? "$" : lookup(text[start..i]) ?? string.Empty;
        }

        i++;
        var nameStart = i;
        while (i < text.Length && IsNameChar(text[i]))
        {
            i++;
        }

        var name = text[nameStart..i];
        if (name.Length == 0)
        {
            throw new FormatException("bad substitution: ${} needs a variable name");
        }

        if (i >= text.Length)
        {
            throw new FormatException($"missing '}}' after ${{{name}");
        }

        if (text[i] == '}')
        {
            i++;
            return lookup(name) ?? string.Empty;
        }

        var colon = text[i] == ':';
        if (colon)
        {
            i++;
        }

        var modifier = i < text.Length ? text[i++] : '\0';
        if (modifier is not ('-' or '+' or '?'))
        {
            throw new FormatException($"unsupported modifier in ${{{name}{(colon ? ":" : string.Empty)}{modifier}...}}; use :-, -, :+, + or :?");
        }

        var inner = new WordList(split: false);
        Run(text, ref i, '}', inner);
        if (i >= text.Length)
        {
            throw new FormatException($"missing '}}' after ${{{name}");
        }

        i++;
        var word = inner.Finish()[0];
        var value = lookup(name);
        var set = colon ? !string.IsNullOrEmpty(value) : value is not null;
        return modifier switch
        {
            '-' => set ? value : word,
            '+' => set ? word : string.Empty,
            _ => set ? value : throw new FormatException($"{name}: {(word.Length > 0 ? word : "is not set")}"),
        };
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    /// <summary>Words being built: raw characters never split, plain and expanded ones split on white space when asked.</summary>
    private sealed class WordList(bool split)
    {
        private readonly List<string> _words = [];
        private readonly StringBuilder _current = new();
        private bool _inWord;

        public void Quoted() => _inWord = true;

        public void Raw(char c)
        {
            _current.Append(c);
            _inWord = true;
        }

        public void Raw(ReadOnlySpan<char> text)
        {
            _current.Append(text);
            _inWord = true;
        }

        public void Plain(char c)
        {
            if (split && char.IsWhiteSpace(c))
            {
                End();
            }
            else
            {
                Raw(c);
            }
        }

        public void Expanded(string value)
        {
            foreach (var c in value)
            {
                Plain(c);
            }
        }

        public List<string> Finish()
        {
            End();
            if (!split && _words.Count == 0)
            {
                _words.Add(string.Empty);
            }

            return _words;
        }

        private void End()
        {
            if (_inWord)
            {
                _words.Add(_current.ToString());
                _current.Clear();
                _inWord = false;
            }
        }
    }
}
