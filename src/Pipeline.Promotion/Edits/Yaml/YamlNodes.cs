using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Pipeline.Promotion.Edits;

/// <summary>A node of the located tree: where it is in the text, plus what it means.</summary>
internal abstract class YamlNode
{
    public YamlNode? Parent { get; set; }

    /// <summary>The key when the parent is a mapping, or null.</summary>
    public YamlNode? KeyInParent { get; set; }

    /// <summary>The position when the parent is a sequence, or -1.</summary>
    public int IndexInParent { get; set; } = -1;

    public required int Document { get; init; }

    public required string? Anchor { get; init; }

    public required string? Tag { get; init; }

    /// <summary>Character index of the node's first character (its anchor or tag if it has one).</summary>
    public required int Start { get; init; }

    public required int Line { get; init; }

    public required int Column { get; init; }

    public abstract string KindName { get; }
}

internal sealed class YamlScalar : YamlNode
{
    public required string Value { get; init; }

    public required ScalarStyle Style { get; init; }

    /// <summary>Character index where the scalar's own text starts (after anchor and tag, at the opening quote).</summary>
    public required int TokenStart { get; init; }

    /// <summary>Character index just past the scalar's text (past the closing quote).</summary>
    public required int TokenEnd { get; init; }

    /// <summary>False for an implicit empty value (<c>key:</c> followed by nothing), which has no text.</summary>
    public required bool HasText { get; init; }

    /// <summary>For an implicit empty value: true when it directly follows a <c>:</c> indicator.</summary>
    public bool FollowsValueIndicator { get; init; }

    public bool IsKey => Parent is YamlMapping && KeyInParent is null;

    public override string KindName => "scalar";
}

internal sealed class YamlMapping : YamlNode
{
    public List<(YamlNode Key, YamlNode Value)> Pairs { get; } = [];

    public required MappingStyle Style { get; init; }

    internal YamlNode? PendingKey { get; set; }

    /// <summary>The first key of each scalar value, kept while reading once the mapping is large enough to need it.</summary>
    internal Dictionary<string, YamlScalar>? ScalarKeys { get; set; }

    public override string KindName => "mapping";

    /// <summary>Values whose key is a scalar equal to <paramref name="key"/> (more than one means duplicate keys).</summary>
    public List<YamlNode> ValuesOf(string key)
    {
        var found = new List<YamlNode>();
        foreach (var (k, v) in Pairs)
        {
            if (k is YamlScalar scalar && string.Equals(scalar.Value, key, StringComparison.Ordinal))
            {
                found.Add(v);
            }
        }

        return found;
    }

    public YamlNode? ValueOf(string key)
    {
        var values = ValuesOf(key);
        return values.Count == 1 ? values[0] : null;
    }

    public IEnumerable<string> KeyNames =>
        Pairs.Select(p => p.Key is YamlScalar s ? s.Value : "?");
}

internal sealed class YamlSequence : YamlNode
{
    public List<YamlNode> Items { get; } = [];

    public required SequenceStyle Style { get; init; }

    public override string KindName => "sequence";
}

internal sealed class YamlAlias : YamlNode
{
    public required string Name { get; init; }

    public required YamlNode? Target { get; init; }

    public override string KindName => "alias";
}

internal sealed class YamlDocumentNode
{
    public required int Index { get; init; }

    public YamlNode? Root { get; set; }

    public List<YamlAlias> Aliases { get; } = [];
}

/// <summary>The located tree of a whole YAML stream, with the text it was read from.</summary>
internal sealed class YamlTree
{
    public required string Text { get; init; }

    public List<YamlDocumentNode> Documents { get; } = [];

    public List<YamlScalar> Scalars { get; } = [];

    public static string StyleName(ScalarStyle style) => style switch
    {
        ScalarStyle.Plain => "plain",
        ScalarStyle.SingleQuoted => "single-quoted",
        ScalarStyle.DoubleQuoted => "double-quoted",
        ScalarStyle.Literal => "literal block (|)",
        ScalarStyle.Folded => "folded block (>)",
        _ => style.ToString(),
    };

    internal static int ToInt(in Mark mark) => checked((int)mark.Index);
}
