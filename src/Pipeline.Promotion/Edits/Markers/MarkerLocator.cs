namespace Pipeline.Promotion.Edits;

/// <summary>
/// Finds marker comments: an inline comment directly after a value on the same line. A marker for the key that is
/// malformed, or that follows no value (a comment after a key whose value is a block, or after a flow collection),
/// is an error rather than silently skipped; a marker in a full-line comment is ignored like any comment.
/// </summary>
internal static class MarkerLocator
{
    public static List<(YamlScalar Target, MarkerComment Marker)> Find(EditPlan plan, MarkerEdit edit)
    {
        var text = plan.Tree.Text;
        var found = new List<(YamlScalar, MarkerComment)>();
        var attached = new HashSet<int>();
        foreach (var scalar in plan.Tree.Scalars)
        {
            if (scalar.IsKey || (!scalar.HasText && !scalar.FollowsValueIndicator))
            {
                continue;
            }

            var hash = scalar.HasText ? scalar.TokenEnd : scalar.TokenStart;
            while (hash < text.Length && text[hash] is ' ' or '\t')
            {
                hash++;
            }

            if (hash == scalar.TokenEnd && scalar.HasText || hash >= text.Length || text[hash] != '#')
            {
                continue;
            }

            var comment = CommentAt(text, hash);
            if (Parse(plan, edit, scalar.Line, comment) is { } marker)
            {
                found.Add((scalar, marker));
                attached.Add(hash);
            }
        }

        CheckUnattached(plan, edit, attached);
        return found;
    }

    private static void CheckUnattached(EditPlan plan, MarkerEdit edit, HashSet<int> attached)
    {
        var text = plan.Tree.Text;
        var needle = "\"" + edit.Key + "\"";
        for (var at = text.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = text.IndexOf(needle, at + 1, StringComparison.Ordinal))
        {
            if (TextLocator.InsideScalar(plan.Tree, at) is not null || TextLocator.CommentStart(plan.Tree, at) is not { } hash
                || attached.Contains(hash) || TextLocator.IsFullLineComment(text, hash))
            {
                continue;
            }

            var line = TextLocator.LineOf(text, hash);
            if (Parse(plan, edit, line, CommentAt(text, hash)) is { } marker && marker.Name == edit.Name)
            {
                throw new ManifestLocationException(plan.Document.Path, edit.Selector, line, 1,
                    $"{plan.Document.Path}:{line}: the marker for '{marker.Name}' does not follow a value on its line; "
                    + "place it directly after the scalar to pin (not after a key, a block or a flow collection).");
            }
        }
    }

    private static MarkerComment? Parse(EditPlan plan, MarkerEdit edit, int line, string comment)
    {
        try
        {
            return MarkerComment.Parse(comment, edit.Key);
        }
        catch (FormatException exception)
        {
            throw new ManifestLocationException(plan.Document.Path, edit.Selector, line, 1,
                $"{plan.Document.Path}:{line}: malformed {edit.Key} marker: {exception.Message}.");
        }
    }

    private static string CommentAt(string text, int hash)
    {
        var end = text.IndexOf('\n', hash);
        end = end < 0 ? text.Length : end;
        if (end > hash && text[end - 1] == '\r')
        {
            end--;
        }

        return text[(hash + 1)..end];
    }
}
