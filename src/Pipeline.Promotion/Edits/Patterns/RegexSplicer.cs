namespace Pipeline.Promotion.Edits;

/// <summary>
/// Splices the groups of a <see cref="RegexEdit"/>. In YAML mode each group must lie inside one scalar's text
/// (which may then change, and only to a value containing the new text) or inside a comment; a group covering a
/// whole plain scalar is quoted when the new value needs it, as the other edits do.
/// </summary>
internal static class RegexSplicer
{
    public static EditResult Apply(ManifestDocument document, RegexEdit edit, List<RegexEdit.GroupSpan> spans, int matches)
    {
        var text = document.Text;
        var plan = edit.PlainText ? null : EditPlan.Start(document, edit);
        var expectations = new Expectations();
        var splices = new List<EditPlan.Splice>();
        var changes = new List<ManifestChange>();
        foreach (var span in spans.OrderBy(s => s.Index))
        {
            var old = text.Substring(span.Index, span.Length);
            if (old == span.Value)
            {
                continue;
            }

            var replacement = span.Value;
            var location = $"line {TextLocator.LineOf(text, span.Index)}";
            var documentIndex = 0;
            if (plan is not null)
            {
                var scalar = TextLocator.InsideScalar(plan.Tree, span.Index);
                if (scalar is not null && span.Index + span.Length <= scalar.TokenEnd && !scalar.IsKey)
                {
                    location = YamlPaths.Describe(scalar);
                    documentIndex = scalar.Document;
                    if (span.Index == scalar.TokenStart && span.Length == scalar.TokenEnd - scalar.TokenStart
                        && scalar.Style == YamlDotNet.Core.ScalarStyle.Plain)
                    {
                        var (rendered, style) = ScalarText.Render(span.Value, scalar.Style, ScalarText.InFlow(scalar), scalar.Value);
                        replacement = rendered;
                        expectations.Values[scalar] = (span.Value, style);
                    }
                    else
                    {
                        (expectations.Containing.TryGetValue(scalar, out var parts) ? parts : expectations.Containing[scalar] = []).Add(span.Value);
                    }

                    plan.CheckAnchors(scalar, edit.Selector);
                }
                else if (scalar is not null || TextLocator.CommentStart(plan.Tree, span.Index) is null)
                {
                    var line = TextLocator.LineOf(text, span.Index);
                    throw new ManifestLocationException(document.Path, edit.Selector, line, TextLocator.ColumnOf(text, span.Index),
                        $"{document.Path}:{line}: the {span.Field} group of {edit.Selector} covers {(scalar is { IsKey: true } ? "a mapping key" : "YAML structure, not one value")}; "
                        + "narrow the group to the characters of a single value (or set PlainText for a non-YAML file).");
                }
            }

            splices.Add(new EditPlan.Splice(span.Index, span.Index + span.Length, replacement));
            changes.Add(new ManifestChange(document.Path, edit.Selector, location, span.Field, old, span.Value,
                TextLocator.LineOf(text, span.Index), TextLocator.ColumnOf(text, span.Index))
            { Document = documentIndex });
        }

        if (splices.Count == 0)
        {
            return new EditResult(document, document, [], matches);
        }

        var edited = document.WithText(EditPlan.Apply(text, splices, document.Path, edit.Selector));
        plan?.Verify(edited, expectations);
        return new EditResult(document, edited, changes, matches);
    }
}
