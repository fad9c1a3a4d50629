namespace Pipeline.Promotion.Edits;

/// <summary>Follows a <see cref="ValuesPath"/> through every document of a file.</summary>
internal static class ValuesLocator
{
    /// <summary>The scalars at <paramref name="path"/>; <paramref name="found"/> says how far the path got where it did not.</summary>
    public static List<YamlScalar> Find(EditPlan plan, ValuesPath path, string selector, List<string> found)
    {
        var matches = new List<YamlScalar>();
        foreach (var document in plan.Tree.Documents)
        {
            var current = new List<YamlNode>();
            if (document.Root is { } root)
            {
                current.Add(root);
            }

            var walked = plan.Tree.Documents.Count > 1 ? $"document {document.Index}: " : "";
            for (var s = 0; s < path.Steps.Count && current.Count > 0; s++)
            {
                var step = path.Steps[s];
                var next = new List<YamlNode>();
                foreach (var node in current)
                {
                    var target = NotAlias(plan, node, selector);
                    switch (step)
                    {
                        case string key when target is YamlMapping mapping:
                            var values = mapping.ValuesOf(key);
                            if (values.Count == 0)
                            {
                                found.Add(Describe(walked, mapping, key));
                            }

                            next.AddRange(values);
                            break;
                        case int index when target is YamlSequence sequence:
                            if (index < sequence.Items.Count)
                            {
                                next.Add(sequence.Items[index]);
                            }
                            else
                            {
                                found.Add($"{walked}{Here(sequence)} has {sequence.Items.Count} items");
                            }

                            break;
                        default:
                            found.Add($"{walked}{Here(target)} is a {target.KindName}, not a {(step is int ? "sequence" : "mapping")}");
                            break;
                    }
                }

                current = next;
            }

            foreach (var node in current)
            {
                var target = NotAlias(plan, node, selector);
                if (target is YamlScalar scalar)
                {
                    matches.Add(scalar);
                    continue;
                }

                var keys = target is YamlMapping m ? $" (keys: {string.Join(", ", m.KeyNames)})" : "";
                throw new ManifestLocationException(plan.Document.Path, selector, target.Line, target.Column,
                    $"{plan.Document.Path}:{target.Line}: {selector} selects a {target.KindName}{keys}, not a value; extend the path to the value.");
            }
        }

        return matches;
    }

    /// <summary>Refuses to reach a value through an alias: the text to edit is at the anchor, which is a different path.</summary>
    internal static YamlNode NotAlias(EditPlan plan, YamlNode node, string selector)
    {
        if (node is not YamlAlias alias)
        {
            return node;
        }

        var anchorLine = alias.Target?.Line ?? 0;
        throw new ManifestAnchorException(plan.Document.Path, selector, alias.Name, anchorLine, [alias.Line],
            $"{plan.Document.Path}:{alias.Line}: {selector} goes through the alias *{alias.Name}, whose text is at the anchor "
            + $"&{alias.Name} on line {anchorLine} ({(alias.Target is null ? "undefined" : YamlPaths.Describe(alias.Target))}). "
            + "Select the anchored path instead, with EditSharedAnchors if the alias should change too.");
    }

    private static string Describe(string walked, YamlMapping mapping, string key)
    {
        var merge = mapping.ValuesOf("<<").Count > 0 ? " (it merges '<<' keys, which are not followed; set the key explicitly)" : "";
        return $"{walked}{Here(mapping)} has no key '{key}'; its keys are {string.Join(", ", mapping.KeyNames)}{merge}";
    }

    private static string Here(YamlNode node) => node.Parent is null ? "the document root" : YamlPaths.Describe(node);
}
