using System.Text;

namespace Pipeline.Promotion.Tests.Edits;

/// <summary>
/// Generates YAML with a known target value (<c>image.tag</c>) amid random unrelated content: comments with
/// quotes, colons and non-ASCII, every scalar style, block scalars, flow collections, anchors and aliases, other
/// documents, LF or CRLF. It records where the target's text is, so the expected output is known independently.
/// </summary>
internal sealed class RandomManifest
{
    private static readonly string[] Words = ["alpha", "v1.2", "hello-world", "日本", "ünïcode", "x_y", "🚀rocket", "a.b.c", "1.2.3", "path/to/file"];
    private static readonly string[] CommentPieces = ["note", "é", "日本語", "🚀", "\"", "'", ": ", "{", "}", "[", "]", "#", "&a", "*b", "!tag", "|", ">", "tag: 1.0", "\t"];
    private readonly Random _random;
    private readonly StringBuilder _text = new();
    private int _keys;

    public RandomManifest(int seed)
    {
        _random = new Random(seed);
        NewLine = _random.Next(2) == 0 ? "\n" : "\r\n";
        Bom = _random.Next(4) == 0;
    }

    public string NewLine { get; }

    public bool Bom { get; }

    public int TargetStart { get; private set; }

    public int TargetEnd { get; private set; }

    public char TargetQuote { get; private set; }

    public string Generate()
    {
        if (_random.Next(3) == 0)
        {
            Document();
            Line("---" + (_random.Next(2) == 0 ? Comment() : ""));
        }
        else if (_random.Next(3) == 0)
        {
            Line("---");
        }

        Entries(_random.Next(4));
        Target();
        Entries(_random.Next(4));
        if (_random.Next(3) == 0)
        {
            Line(_random.Next(2) == 0 ? "---" : "...\n---".Replace("\n", NewLine, StringComparison.Ordinal));
            Document();
        }

        return _text.ToString();
    }

    private void Document() => Entries(1 + _random.Next(3));

    private void Target()
    {
        var quote = "\0'\""[_random.Next(3)];
        var old = Words[_random.Next(Words.Length)];
        var comment = _random.Next(2) == 0 ? Comment() : "";
        if (_random.Next(4) == 0)
        {
            _text.Append("image: {repository: x, tag: ");
            Value(quote, old);
            Line("}" + comment);
            return;
        }

        Line("image:" + (_random.Next(3) == 0 ? Comment() : ""));
        var indent = new string(' ', 2 * (1 + _random.Next(2)));
        if (_random.Next(2) == 0)
        {
            Line(indent + "repository: " + Scalar());
        }

        if (_random.Next(3) == 0)
        {
            Line(indent + Comment().TrimStart());
        }

        _text.Append(indent).Append("tag: ");
        Value(quote, old);
        Line(comment);
        if (_random.Next(2) == 0)
        {
            Line(indent + "pullPolicy: " + Scalar() + Comment());
        }
    }

    private void Value(char quote, string old)
    {
        TargetQuote = quote;
        TargetStart = _text.Length;
        _text.Append(quote == '\0' ? old : quote + old + quote);
        TargetEnd = _text.Length;
    }

    private void Entries(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var key = $"k{_keys++}";
            switch (_random.Next(7))
            {
                case 0:
                    Line(Comment().TrimStart());
                    Line($"{key}: {Scalar()}{Comment()}");
                    break;
                case 1:
                    Line($"{key}: |{(_random.Next(2) == 0 ? "-" : "")}");
                    Line("  tag: 0.0.1 # not a comment");
                    Line("  " + Words[_random.Next(Words.Length)] + ": x");
                    break;
                case 2:
                    Line($"{key}: {{a: {Scalar()}, \"b\": [x, {Scalar()}], c: {{d: e}}}}{Comment()}");
                    break;
                case 3:
                    Line($"{key}: &anchor{_keys} {Scalar()}");
                    Line($"{key}b: *anchor{_keys}{Comment()}");
                    break;
                case 4:
                    Line($"{key}:");
                    Line($"  - {Scalar()}");
                    Line($"  - nested: {Scalar()}{Comment()}");
                    Line($"    tag: {Scalar()}");
                    break;
                case 5:
                    Line($"\"{key} quoted\": >");
                    Line("  folded text, with: colons");
                    Line("");
                    Line("  and a blank line above");
                    break;
                default:
                    Line($"{key}: {Scalar()}");
                    break;
            }
        }
    }

    private string Scalar() => _random.Next(4) switch
    {
        0 => "'" + Pieces().Replace("'", "''", StringComparison.Ordinal) + "'",
        1 => "\"" + Pieces().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal) + "\\u00e9\"",
        2 => _random.Next(1000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => Words[_random.Next(Words.Length)],
    };

    private string Comment() => _random.Next(2) == 0 ? "" : new string(' ', 1 + _random.Next(3)) + "# " + Pieces();

    private string Pieces() => string.Concat(Enumerable.Range(0, _random.Next(1, 6)).Select(_ => CommentPieces[_random.Next(CommentPieces.Length)]));

    private void Line(string text) => _text.Append(text).Append(NewLine);
}
