using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Pipeline.Promotion.Edits;

internal sealed partial class EditPlan
{
    /// <summary>
    /// Adds keys at the end of a mapping: in a block mapping on new lines after the last value's line (after its
    /// inline comment), indented like the mapping's first key, with that line's ending; in a flow mapping as
    /// <c>, key: value</c> after the last value.
    /// </summary>
    private Splice Insertion(YamlMapping mapping, List<Addition> additions, Expectations expectations, List<ManifestChange> changes)
    {
        var first = additions[0];
        // An empty last value (`newTag:`) is fine in a block entry: the new key goes on the next line.
        if (mapping.Pairs.Count == 0 || mapping.Pairs[^1].Value is not YamlScalar last
            || !(last.HasText || (mapping.Style == MappingStyle.Block && last.FollowsValueIndicator))
            || last.Style is ScalarStyle.Literal or ScalarStyle.Folded || mapping.Pairs[0].Key is not YamlScalar firstKey)
        {
            throw Location(mapping, first.Selector,
                $"{document.Path}:{mapping.Line}: {first.Selector} needs to add '{first.Key}' to {YamlPaths.Describe(mapping)}, "
                + "whose last value is not a plain or quoted scalar; add the key by hand once (any value) and run again.");
        }

        var siblingStyle = last.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? last.Style : ScalarStyle.Plain;
        var added = new List<(string Key, string Value, ScalarStyle Style)>();
        var entries = new List<string>();
        foreach (var addition in additions)
        {
            var (text, style) = ScalarText.Render(addition.Value, siblingStyle, mapping.Style == MappingStyle.Flow);
            entries.Add(addition.Key + ": " + text);
            added.Add((addition.Key, addition.Value, style));
            var location = YamlPaths.Describe(mapping);
            changes.Add(new ManifestChange(document.Path, addition.Selector, (location == "(root)" ? "" : location + ".") + addition.Key,
                addition.Field, null, addition.Value, last.Line, last.Column)
            {
                Document = mapping.Document,
                SharedWith = [.. SharingAliases(mapping).Select(a => $"line {a.Line} (*{a.Name})")],
            });
        }

        expectations.Added[mapping] = added;
        if (mapping.Style == MappingStyle.Flow)
        {
            return new Splice(last.TokenEnd, last.TokenEnd, string.Concat(entries.Select(e => ", " + e)));
        }

        var text0 = document.Text;
        var indent = new string(' ', firstKey.TokenStart - LineStart(text0, firstKey.TokenStart));
        var lineEnd = text0.IndexOf('\n', last.HasText ? last.TokenEnd : last.TokenStart);
        if (lineEnd < 0)
        {
            return new Splice(text0.Length, text0.Length, string.Concat(entries.Select(e => document.NewLine + indent + e)));
        }

        var crlf = lineEnd > 0 && text0[lineEnd - 1] == '\r';
        var at = crlf ? lineEnd - 1 : lineEnd;
        var newline = crlf ? "\r\n" : "\n";
        return new Splice(at, at, string.Concat(entries.Select(e => newline + indent + e)));
    }

    private string Apply(List<Splice> splices) => Apply(document.Text, splices, document.Path, edit.Selector);

    /// <summary>Replaces each splice's range with its text; everything between splices is copied unchanged.</summary>
    internal static string Apply(string text, List<Splice> splices, string file, string selector)
    {
        splices.Sort((a, b) => a.Start.CompareTo(b.Start));
        var builder = new StringBuilder(text.Length + 256);
        var position = 0;
        foreach (var splice in splices)
        {
            if (splice.Start < position)
            {
                throw new ManifestVerificationException(file, selector, $"line {TextLocator.LineOf(text, splice.Start)}", "two edits overlap");
            }

            builder.Append(text, position, splice.Start - position).Append(splice.Text);
            position = splice.End;
        }

        return builder.Append(text, position, text.Length - position).ToString();
    }

    private static int LineStart(string text, int index)
    {
        var newline = index == 0 ? -1 : text.LastIndexOf('\n', index - 1);
        return newline + 1;
    }
}
