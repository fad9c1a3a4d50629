namespace Pipeline.Promotion.Edits;

/// <summary>Answers where a character index falls: inside a scalar's text, inside a comment, on which line.</summary>
internal static class TextLocator
{
    /// <summary>The scalar whose text contains <paramref name="index"/>, or null.</summary>
    public static YamlScalar? InsideScalar(YamlTree tree, int index)
    {
        var scalars = tree.Scalars;
        int low = 0, high = scalars.Count - 1, candidate = -1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (scalars[middle].TokenStart <= index)
            {
                candidate = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        for (var i = candidate; i >= 0 && i > candidate - 4; i--)
        {
            if (scalars[i].HasText && scalars[i].TokenStart <= index && index < scalars[i].TokenEnd)
            {
                return scalars[i];
            }
        }

        return null;
    }

    /// <summary>The index of the <c>#</c> starting the comment that contains <paramref name="index"/>, or null.</summary>
    public static int? CommentStart(YamlTree tree, int index)
    {
        var text = tree.Text;
        var lineStart = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
        for (var q = lineStart; q <= index && q < text.Length; q++)
        {
            if (text[q] == '#' && (q == lineStart || text[q - 1] is ' ' or '\t') && InsideScalar(tree, q) is null)
            {
                return q;
            }
        }

        return null;
    }

    /// <summary>True when only white space precedes <paramref name="hash"/> on its line.</summary>
    public static bool IsFullLineComment(string text, int hash)
    {
        for (var q = hash - 1; q >= 0 && text[q] != '\n'; q--)
        {
            if (text[q] is not (' ' or '\t'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The 1-based line of <paramref name="index"/>.</summary>
    public static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    /// <summary>The 1-based column of <paramref name="index"/>, in UTF-16 code units.</summary>
    public static int ColumnOf(string text, int index) => index - (index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1) + 1;
}
