using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Promotion.Tests.Fuzz;

/// <summary>
/// What a YAML text means, independently of the edits' own parsing: YamlDotNet's representation model flattened
/// to one entry per node, keyed by its path (<c>0/spec/containers/1/image</c>), valued by its kind and, for a
/// scalar, its resolved type and text. Two texts that mean the same give the same entries.
/// </summary>
public static partial class YamlOracle
{
    /// <summary>The meaning of <paramref name="text"/>, or null when YAML refuses it (syntax, duplicate keys...).</summary>
    public static IReadOnlyDictionary<string, string>? Meaning(string text) => Meaning(text, out _);

    /// <summary>
    /// The meaning, or null and why YAML refuses the text. YamlDotNet's representation model has gaps of its own
    /// (an empty key in a block sequence, valid YAML, makes it throw <see cref="ArgumentException"/>): those escape
    /// as <see cref="OracleBlindException"/>, since they say nothing about the text.
    /// </summary>
    public static IReadOnlyDictionary<string, string>? Meaning(string text, out string? refusal)
    {
        var stream = new YamlStream();
        refusal = null;
        try
        {
            stream.Load(new StringReader(text.TrimStart('\uFEFF')));
        }
        catch (Exception exception) when (exception is YamlDotNet.Core.YamlException or InvalidOperationException)
        {
            // YamlDotNet's scanner throws InvalidOperationException for some unclosed flow collections.
            refusal = exception.GetType().Name + ": " + exception.Message;
            return null;
        }
        catch (ArgumentException exception)
        {
            throw new OracleBlindException(exception.Message);
        }

        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < stream.Documents.Count; i++)
        {
            Flatten(stream.Documents[i].RootNode, i.ToString(System.Globalization.CultureInfo.InvariantCulture), entries, 0);
        }

        return entries;
    }

    /// <summary>Paths whose entry differs (or exists on one side only).</summary>
    public static IReadOnlyList<string> Differences(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        [.. before.Keys.Union(after.Keys).Where(k => !(before.TryGetValue(k, out var b) && after.TryGetValue(k, out var a) && a == b)).Order(StringComparer.Ordinal)];

    /// <summary>The entry a string scalar with this text has.</summary>
    public static string String(string value) => "str:" + value;

    private static void Flatten(YamlNode node, string path, Dictionary<string, string> entries, int depth)
    {
        if (depth > 40)
        {
            entries[path] = "deep";
            return;
        }

        switch (node)
        {
            case YamlScalarNode scalar:
                entries[path] = Kind(scalar) + ":" + scalar.Value;
                break;
            case YamlMappingNode mapping:
                entries[path] = "map";
                foreach (var (key, value) in mapping.Children)
                {
                    Flatten(value, path + "/" + (key is YamlScalarNode k ? k.Value : "{complex}"), entries, depth + 1);
                }

                break;
            case YamlSequenceNode sequence:
                entries[path] = "seq:" + sequence.Children.Count;
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Flatten(sequence.Children[i], path + "/" + i, entries, depth + 1);
                }

                break;
        }
    }

    /// <summary>The type a scalar resolves to: its explicit tag, a quoted string, or the YAML 1.1/1.2 type of a plain scalar.</summary>
    private static string Kind(YamlScalarNode scalar)
    {
        if (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific)
        {
            return scalar.Tag.Value is "tag:yaml.org,2002:str" or "!!str" ? "str" : scalar.Tag.Value;
        }

        if (scalar.Style is not YamlDotNet.Core.ScalarStyle.Plain and not YamlDotNet.Core.ScalarStyle.Any)
        {
            return "str";
        }

        var value = scalar.Value ?? "";
        return value.Length == 0 || NullPattern().IsMatch(value) ? "null"
            : BoolPattern().IsMatch(value) ? "bool"
            : NumberPattern().IsMatch(value) ? "number"
            : "str";
    }

    [GeneratedRegex("^(~|null|Null|NULL)$")]
    private static partial Regex NullPattern();

    [GeneratedRegex("^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$")]
    private static partial Regex BoolPattern();

    [GeneratedRegex(@"^([-+]?(0|[1-9][0-9_]*)|[-+]?0[0-7_]+|0o[0-7]+|[-+]?0x[0-9a-fA-F_]+|[-+]?0b[01_]+|[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?)$")]
    private static partial Regex NumberPattern();
}

/// <summary>The oracle cannot read a text YAML allows; the case is counted, not judged.</summary>
public sealed class OracleBlindException(string message) : Exception(message);
