using System.Globalization;

namespace Pipeline.Promotion.Edits;

/// <summary>
/// Compares the tree before an edit with the tree after it: every node must be identical (kind, anchor, tag,
/// value, quoting style, key order, aliases) except the nodes the edit meant to change, which must hold
/// exactly the intended value.
/// </summary>
internal static class TreeVerifier
{
    public static void Verify(string file, string selector, YamlTree before, YamlTree after, Expectations expected)
    {
        if (before.Documents.Count != after.Documents.Count)
        {
            throw Fail(file, selector, "the stream", $"{before.Documents.Count} documents became {after.Documents.Count}");
        }

        for (var i = 0; i < before.Documents.Count; i++)
        {
            Compare(before.Documents[i].Root, after.Documents[i].Root, expected, file, selector);
        }
    }

    private static void Compare(YamlNode? a, YamlNode? b, Expectations expected, string file, string selector)
    {
        if (a is null || b is null)
        {
            if (a is not null || b is not null)
            {
                throw Fail(file, selector, Where(a ?? b!), "a document became empty or gained content");
            }

            return;
        }

        if (a.GetType() != b.GetType() || a.Anchor != b.Anchor || a.Tag != b.Tag)
        {
            throw Fail(file, selector, Where(a), $"a {a.KindName} &{a.Anchor} {a.Tag} became a {b.KindName} &{b.Anchor} {b.Tag}");
        }

        switch (a)
        {
            case YamlScalar scalar:
                CompareScalar(scalar, (YamlScalar)b, expected, file, selector);
                break;
            case YamlAlias alias when alias.Name != ((YamlAlias)b).Name:
                throw Fail(file, selector, Where(a), $"alias *{alias.Name} became *{((YamlAlias)b).Name}");
            case YamlSequence sequence:
                var other = (YamlSequence)b;
                if (sequence.Style != other.Style || sequence.Items.Count != other.Items.Count)
                {
                    throw Fail(file, selector, Where(a), $"a sequence of {sequence.Items.Count} became one of {other.Items.Count}");
                }

                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    Compare(sequence.Items[i], other.Items[i], expected, file, selector);
                }

                break;
            case YamlMapping mapping:
                CompareMapping(mapping, (YamlMapping)b, expected, file, selector);
                break;
        }
    }

    private static void CompareScalar(YamlScalar a, YamlScalar b, Expectations expected, string file, string selector)
    {
        if (expected.Values.TryGetValue(a, out var intended))
        {
            if (b.Value != intended.Value || b.Style != intended.Style)
            {
                throw Fail(file, selector, Where(a), $"expected {Show(intended.Value)} ({YamlTree.StyleName(intended.Style)}), read {Show(b.Value)} ({YamlTree.StyleName(b.Style)})");
            }
        }
        else if (expected.Containing.TryGetValue(a, out var parts))
        {
            if (parts.Any(p => !b.Value.Contains(p, StringComparison.Ordinal)) || b.Style != a.Style)
            {
                throw Fail(file, selector, Where(a), $"expected a {YamlTree.StyleName(a.Style)} value containing {string.Join(" and ", parts.Select(Show))}, read {Show(b.Value)}");
            }
        }
        else if (a.Value != b.Value || a.Style != b.Style)
        {
            throw Fail(file, selector, Where(a), $"{Show(a.Value)} ({YamlTree.StyleName(a.Style)}) became {Show(b.Value)} ({YamlTree.StyleName(b.Style)})");
        }
    }

    private static void CompareMapping(YamlMapping a, YamlMapping b, Expectations expected, string file, string selector)
    {
        var added = expected.Added.GetValueOrDefault(a) ?? [];
        if (a.Style != b.Style || b.Pairs.Count != a.Pairs.Count + added.Count)
        {
            throw Fail(file, selector, Where(a), $"a mapping of {a.Pairs.Count} keys became one of {b.Pairs.Count} (expected {a.Pairs.Count + added.Count})");
        }

        for (var i = 0; i < a.Pairs.Count; i++)
        {
            Compare(a.Pairs[i].Key, b.Pairs[i].Key, expected, file, selector);
            Compare(a.Pairs[i].Value, b.Pairs[i].Value, expected, file, selector);
        }

        for (var i = 0; i < added.Count; i++)
        {
            var (key, value) = b.Pairs[a.Pairs.Count + i];
            if (key is not YamlScalar k || k.Value != added[i].Key || value is not YamlScalar v || v.Value != added[i].Value
                || v.Style != added[i].Style || v.Anchor is not null || v.Tag is not null)
            {
                throw Fail(file, selector, Where(a), $"expected the added key {added[i].Key}: {Show(added[i].Value)}");
            }
        }
    }

    private static string Where(YamlNode node) =>
        string.Create(CultureInfo.InvariantCulture, $"document {node.Document} {YamlPaths.Describe(node)} (line {node.Line})");

    private static string Show(string value) => value.Length > 80 ? "'" + value[..77] + "...'" : "'" + value + "'";

    private static ManifestVerificationException Fail(string file, string selector, string where, string difference) =>
        new(file, selector, where, difference);
}
