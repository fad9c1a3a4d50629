using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Core.Tokens;
using AnchorAlias = YamlDotNet.Core.Events.AnchorAlias;
using DocumentStart = YamlDotNet.Core.Events.DocumentStart;
using Scalar = YamlDotNet.Core.Events.Scalar;

namespace Pipeline.Promotion.Edits;

/// <summary>
/// Reads a YAML stream into a <see cref="YamlTree"/> that records where every node is. Parsing is only used
/// to locate; nothing is ever serialised back.
/// </summary>
internal static class YamlTreeReader
{
    /// <summary>Deeper nesting than any manifest needs; refusing it keeps the recursive comparison safe.</summary>
    public const int MaxDepth = 200;

    /// <summary>From this many keys on, a mapping's keys are checked for duplicates through an index.</summary>
    private const int IndexedKeys = 16;

    public static YamlTree Read(string file, string text)
    {
        var scanner = new RecordingScanner(new Scanner(new StringReader(text)));
        try
        {
            return ReadCore(text, scanner);
        }
        catch (YamlException exception) when (TabIndentation.Find(text, exception) is var (line, column, reason))
        {
            throw new ManifestSyntaxException(file, line, column, reason, exception);
        }
        catch (YamlException exception)
        {
            throw new ManifestSyntaxException(
                file, checked((int)exception.Start.Line), checked((int)exception.Start.Column), exception.Message, exception);
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these on some malformed input instead of a YamlException: an unclosed flow collection
            // (InvalidOperationException), a tag that is no valid URI such as !!st[r (ArgumentException).
            var at = scanner.CurrentPosition;
            throw new ManifestSyntaxException(file, checked((int)at.Line), checked((int)at.Column), "the scanner stopped: " + exception.Message, exception);
        }
    }

    private static YamlTree ReadCore(string text, RecordingScanner scanner)
    {
        var tree = new YamlTree { Text = text };
        var parser = new Parser(scanner);
        var open = new Stack<YamlNode>();
        var anchors = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        YamlDocumentNode? document = null;

        while (true)
        {
            var scalarsBefore = scanner.ScalarsConsumed;
            if (!parser.MoveNext())
            {
                break;
            }

            switch (parser.Current)
            {
                case DocumentStart:
                    document = new YamlDocumentNode { Index = tree.Documents.Count };
                    tree.Documents.Add(document);
                    anchors.Clear();
                    break;
                case Scalar scalar:
                    var node = CreateScalar(scalar, scanner, scalarsBefore, document!.Index);
                    tree.Scalars.Add(node);
                    Attach(node, open, document, anchors);
                    break;
                case MappingStart mappingStart:
                    var mapping = new YamlMapping
                    {
                        Document = document!.Index,
                        Anchor = NameOf(mappingStart.Anchor),
                        Tag = NameOf(mappingStart.Tag),
                        Style = mappingStart.Style,
                        Start = YamlTree.ToInt(mappingStart.Start),
                        Line = checked((int)mappingStart.Start.Line),
                        Column = checked((int)mappingStart.Start.Column),
                    };
                    Attach(mapping, open, document, anchors);
                    Open(mapping, open, mappingStart.Start);
                    break;
                case SequenceStart sequenceStart:
                    var sequence = new YamlSequence
                    {
                        Document = document!.Index,
                        Anchor = NameOf(sequenceStart.Anchor),
                        Tag = NameOf(sequenceStart.Tag),
                        Style = sequenceStart.Style,
                        Start = YamlTree.ToInt(sequenceStart.Start),
                        Line = checked((int)sequenceStart.Start.Line),
                        Column = checked((int)sequenceStart.Start.Column),
                    };
                    Attach(sequence, open, document, anchors);
                    Open(sequence, open, sequenceStart.Start);
                    break;
                case MappingEnd:
                case SequenceEnd:
                    open.Pop();
                    break;
                case AnchorAlias alias:
                    if (!anchors.ContainsKey(alias.Value.Value))
                    {
                        // YAML refuses an alias to no anchor (Helm and kubectl too), so an edit must not write such a file.
                        throw new SemanticErrorException(alias.Start, alias.End, $"the alias *{alias.Value.Value} refers to no anchor &{alias.Value.Value} before it");
                    }

                    var aliasNode = new YamlAlias
                    {
                        Document = document!.Index,
                        Anchor = null,
                        Tag = null,
                        Name = alias.Value.Value,
                        Target = anchors.GetValueOrDefault(alias.Value.Value),
                        Start = YamlTree.ToInt(alias.Start),
                        Line = checked((int)alias.Start.Line),
                        Column = checked((int)alias.Start.Column),
                    };
                    document.Aliases.Add(aliasNode);
                    Attach(aliasNode, open, document, anchors);
                    break;
            }
        }

        return tree;
    }

    private static YamlScalar CreateScalar(Scalar scalar, RecordingScanner scanner, int scalarsBefore, int document)
    {
        var hasText = scanner.ScalarsConsumed > scalarsBefore && scanner.LastScalar is not null;
        var start = hasText ? scanner.LastScalar!.Start : scalar.Start;
        var end = hasText ? scanner.LastScalar!.End : scalar.Start;
        return new YamlScalar
        {
            Document = document,
            Anchor = NameOf(scalar.Anchor),
            Tag = NameOf(scalar.Tag),
            Value = scalar.Value,
            Style = scalar.Style,
            Start = YamlTree.ToInt(scalar.Start),
            Line = checked((int)start.Line),
            Column = checked((int)start.Column),
            TokenStart = YamlTree.ToInt(start),
            TokenEnd = YamlTree.ToInt(end),
            HasText = hasText,
            FollowsValueIndicator = !hasText
                && scanner.LastConsumed is Value indicator
                && indicator.End.Index == scalar.Start.Index,
        };
    }

    private static void Open(YamlNode node, Stack<YamlNode> open, in Mark mark)
    {
        if (open.Count >= MaxDepth)
        {
            throw new SemanticErrorException(mark, mark, $"The document nests deeper than {MaxDepth} levels.");
        }

        open.Push(node);
    }

    private static void Attach(YamlNode node, Stack<YamlNode> open, YamlDocumentNode document, Dictionary<string, YamlNode> anchors)
    {
        if (node.Anchor is { } anchor)
        {
            anchors[anchor] = node;
        }

        if (open.Count == 0)
        {
            document.Root = node;
            return;
        }

        var parent = open.Peek();
        node.Parent = parent;
        switch (parent)
        {
            case YamlMapping mapping when mapping.PendingKey is null:
                RefuseDuplicateKey(mapping, node);
                mapping.PendingKey = node;
                break;
            case YamlMapping mapping:
                node.KeyInParent = mapping.PendingKey;
                mapping.Pairs.Add((mapping.PendingKey!, node));
                mapping.PendingKey = null;
                break;
            case YamlSequence sequence:
                node.IndexInParent = sequence.Items.Count;
                sequence.Items.Add(node);
                break;
        }
    }

    /// <summary>
    /// YAML requires unique keys, and Helm, kubectl and Argo CD refuse a mapping that repeats one; which of the two an
    /// edit should change is unknowable, so the file is refused.
    /// </summary>
    private static void RefuseDuplicateKey(YamlMapping mapping, YamlNode key)
    {
        if (key is not YamlScalar scalar)
        {
            return;
        }

        // A scan is cheapest for the few keys of most mappings; a values file with thousands of keys at one level gets an
        // index, so reading it stays linear.
        YamlScalar? first;
        if (mapping.ScalarKeys is null && mapping.Pairs.Count < IndexedKeys)
        {
            first = mapping.Pairs.FirstOrDefault(p => p.Key is YamlScalar other && other.Value == scalar.Value).Key as YamlScalar;
        }
        else
        {
            // Every key already in the mapping passed this check, so they are distinct.
            mapping.ScalarKeys ??= mapping.Pairs.Select(p => p.Key).OfType<YamlScalar>().ToDictionary(k => k.Value, StringComparer.Ordinal);
            first = mapping.ScalarKeys.TryAdd(scalar.Value, scalar) ? null : mapping.ScalarKeys[scalar.Value];
        }

        if (first is not null)
        {
            var at = new Mark(scalar.Start, scalar.Line, scalar.Column);
            throw new SemanticErrorException(at, at, $"the key '{scalar.Value}' appears twice in one mapping (first on line {first.Line}); YAML requires unique keys, so remove one");
        }
    }

    private static string? NameOf(AnchorName anchor) => anchor.IsEmpty ? null : anchor.Value;

    private static string? NameOf(TagName tag) => tag.IsEmpty ? null : tag.Value;
}
