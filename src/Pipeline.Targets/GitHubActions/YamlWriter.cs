using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Targets;

/// <summary>A small block-style YAML writer for workflow files: two-space indentation, scalars quoted only when needed.</summary>
internal sealed partial class YamlWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;
    private bool _pendingDash;

    public YamlWriter Comment(string text)
    {
        _text.Append("# ").Append(text).Append('\n');
        return this;
    }

    public YamlWriter Blank()
    {
        _text.Append('\n');
        return this;
    }

    public YamlWriter Value(string key, string value)
    {
        Line($"{key}: {Scalar(value)}");
        return this;
    }

    /// <summary>A bool or number, written unquoted so that it keeps its type.</summary>
    public YamlWriter Typed(string key, object value)
    {
        Line($"{key}: {(value is bool b ? (b ? "true" : "false") : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture))}");
        return this;
    }

    public YamlWriter Flow(string key, IEnumerable<string> values)
    {
        Line($"{key}: [{string.Join(", ", values.Select(Scalar))}]");
        return this;
    }

    public YamlWriter Literal(string key, string text)
    {
        Line($"{key}: |");
        _indent++;
        foreach (var line in text.TrimEnd('\n').Split('\n'))
        {
            Line(line);
        }

        _indent--;
        return this;
    }

    public YamlWriter Map(string key, Action body)
    {
        Line(key + ":");
        _indent++;
        body();
        _indent--;
        return this;
    }

    public YamlWriter Map(string key, IReadOnlyDictionary<string, string> values)
    {
        if (values.Count == 0)
        {
            return this;
        }

        return Map(key, () =>
        {
            foreach (var (name, value) in values)
            {
                Value(name, value);
            }
        });
    }

    /// <summary>A sequence item whose first key is written on the dash line.</summary>
    public YamlWriter Item(Action body)
    {
        _indent++;
        _pendingDash = true;
        body();
        _indent--;
        return this;
    }

    public override string ToString() => _text.ToString();

    private void Line(string text)
    {
        if (_pendingDash)
        {
            _text.Append(' ', (_indent - 1) * 2).Append("- ");
            _pendingDash = false;
        }
        else
        {
            _text.Append(' ', _indent * 2);
        }

        _text.Append(text).Append('\n');
    }

    /// <summary>Plain when that reads back as the same string; single-quoted otherwise.</summary>
    internal static string Scalar(string value)
    {
        if (value.Length > 0 && PlainSafe().IsMatch(value) && !Reserved().IsMatch(value))
        {
            return value;
        }

        return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    [GeneratedRegex(@"^[A-Za-z0-9_./][A-Za-z0-9_./ ()+=@,-]*$")]
    private static partial Regex PlainSafe();

    [GeneratedRegex(@"^(true|false|yes|no|on|off|null|~|[-+]?[0-9][0-9_.eExXoObB:+-]*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Reserved();
}
