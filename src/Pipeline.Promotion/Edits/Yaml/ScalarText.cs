using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace Pipeline.Promotion.Edits;

/// <summary>
/// Renders a new value in the style of the scalar it replaces. A plain scalar stays plain unless the value would
/// then read as something other than a string (<c>1.10</c>, <c>1234567</c>, <c>8e7</c>, <c>true</c>, <c>null</c>
/// under YAML 1.1 or 1.2, <c>2024-01-31</c> a date under YAML 1.1) or contains characters a plain scalar cannot hold (<c>[</c> of an IPv6 registry);
/// then it becomes double-quoted.
/// </summary>
internal static partial class ScalarText
{
    /// <summary>Returns what makes <paramref name="value"/> unfit for a manifest, or null when it is fit.</summary>
    public static string? Problem(string value)
    {
        if (value.Length == 0)
        {
            return "the value is empty";
        }

        foreach (var c in value)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c))
            {
                return $"the value contains a control or white-space character (U+{(int)c:X4})";
            }

            if (c is '"' or '\'' or '\\' or '#' or '`' || c > '~')
            {
                return $"the value contains '{c}', which an image reference never does";
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="value"/> can be written as a plain scalar and still read as the same string.</summary>
    public static bool IsSafePlain(string value) =>
        SafePlainCharacters().IsMatch(value) && !value.EndsWith(':') && !NonString().IsMatch(value);

    /// <summary>
    /// The text to splice in place of a scalar of <paramref name="style"/>, and the style it will have. Inside a
    /// flow collection (<c>{...}</c>, <c>[...]</c>) a plain value gains quotes when it brings a <c>:</c> the old
    /// value did not have, since older YAML parsers reject <c>:</c> inside plain scalars there.
    /// </summary>
    public static (string Text, ScalarStyle Style) Render(string value, ScalarStyle style, bool inFlow = false, string oldValue = "") => style switch
    {
        ScalarStyle.SingleQuoted => ("'" + value.Replace("'", "''", StringComparison.Ordinal) + "'", ScalarStyle.SingleQuoted),
        ScalarStyle.DoubleQuoted => (DoubleQuote(value), ScalarStyle.DoubleQuoted),
        _ when IsSafePlain(value) && !(inFlow && value.Contains(':') && !oldValue.Contains(':')) => (value, ScalarStyle.Plain),
        _ => (DoubleQuote(value), ScalarStyle.DoubleQuoted),
    };

    /// <summary>True when <paramref name="node"/> sits inside a flow mapping or flow sequence.</summary>
    public static bool InFlow(YamlNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            if (current is YamlMapping { Style: YamlDotNet.Core.Events.MappingStyle.Flow }
                or YamlSequence { Style: YamlDotNet.Core.Events.SequenceStyle.Flow })
            {
                return true;
            }
        }

        return false;
    }

    private static string DoubleQuote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_./:@-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SafePlainCharacters();

    // Everything YAML 1.1 or 1.2 (core schema) would resolve to null, a boolean, an integer, a float or (1.1) a timestamp.
    [GeneratedRegex(
        """
        ^(?:~|null|Null|NULL
        |y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF
        |[-+]?[0-9][0-9_]*
        |[-+]?0x[0-9a-fA-F_]+|0o[0-7_]+|[-+]?0b[01_]+
        |[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?
        |[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+
        |[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)
        |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?
        |[0-9]{4}-[0-9]{2}-[0-9]{2}
        |[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[\ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[\ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?
        )$
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex NonString();
}
