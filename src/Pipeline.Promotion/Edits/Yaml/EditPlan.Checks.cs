using YamlDotNet.Core;

namespace Pipeline.Promotion.Edits;

internal sealed partial class EditPlan
{
    private const string StringTag = "tag:yaml.org,2002:str";

    private void CheckValue(string value, string field, string selector) => CheckValue(document, value, field, selector);

    internal static void CheckValue(ManifestDocument document, string value, string field, string selector)
    {
        if (ScalarText.Problem(value) is { } problem)
        {
            throw new ManifestValueException(document.Path, selector, field,
                $"{document.Path}: refusing to write {field} for {selector}: {problem}. Pass a valid image reference.");
        }
    }

    private void CheckEditable(YamlScalar target, string selector)
    {
        var where = $"{document.Path}:{target.Line}:{target.Column}: {selector} selects {YamlPaths.Describe(target)}";
        if (target.IsKey)
        {
            throw Location(target, selector, $"{where}, which is a mapping key; select a value.");
        }

        if (target.Style is ScalarStyle.Literal or ScalarStyle.Folded)
        {
            throw Location(target, selector,
                $"{where}, a {YamlTree.StyleName(target.Style)} scalar; write that value as a plain or quoted scalar so it can be edited in place.");
        }

        if (target.Tag is { } tag && tag != StringTag && tag != "!")
        {
            throw Location(target, selector,
                $"{where}, which carries the tag {tag}; an image value is a string, so remove the tag or use !!str.");
        }

        if (!target.HasText && !target.FollowsValueIndicator)
        {
            throw Location(target, selector, $"{where}, which has no text to replace; give it a value such as \"\".");
        }
    }

    internal void CheckAnchors(YamlNode target, string selector)
    {
        var aliases = SharingAliases(target);
        if (aliases.Count == 0 || edit.EditSharedAnchors)
        {
            return;
        }

        var anchored = aliases[0].Target!;
        var lines = aliases.Select(a => a.Line).ToArray();
        throw new ManifestAnchorException(document.Path, selector, anchored.Anchor!, anchored.Line, lines,
            $"{document.Path}:{target.Line}: {selector} selects {YamlPaths.Describe(target)}, which is shared through the anchor "
            + $"&{anchored.Anchor} (line {anchored.Line}) with the alias(es) at line(s) {string.Join(", ", lines)}; changing it would "
            + "change those too. Set EditSharedAnchors to change all of them, or give this value its own copy.");
    }

    /// <summary>The aliases that refer to <paramref name="node"/> or to a collection containing it.</summary>
    private List<YamlAlias> SharingAliases(YamlNode node)
    {
        var aliases = tree.Documents[node.Document].Aliases;
        if (aliases.Count == 0)
        {
            return [];
        }

        var lineage = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        for (var current = node; current is not null; current = current.Parent)
        {
            lineage.Add(current);
        }

        return aliases.Where(a => a.Target is not null && lineage.Contains(a.Target)).ToList();
    }

    private ManifestLocationException Location(YamlNode node, string selector, string message) =>
        new(document.Path, selector, node.Line, node.Column, message);
}
