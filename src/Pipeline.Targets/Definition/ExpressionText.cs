namespace Pipeline.Targets;

/// <summary>Turns the source text of a lambda (from <c>CallerArgumentExpression</c>) into a readable reason.</summary>
internal static class ExpressionText
{
    /// <summary><c>() =&gt; IsServerBuild</c> becomes <c>IsServerBuild</c>; whitespace runs collapse to one space.</summary>
    public static string Clean(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return "(condition)";
        }

        var text = string.Join(' ', expression.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.StartsWith("() =>", StringComparison.Ordinal))
        {
            text = text[5..].TrimStart();
        }

        return text;
    }

    /// <summary>The member a lambda body names, when the body is a plain (possibly qualified) member access.</summary>
    public static string? MemberName(string text)
    {
        var name = text.StartsWith("this.", StringComparison.Ordinal) ? text[5..] : text;
        if (name.StartsWith("((", StringComparison.Ordinal))
        {
            var close = name.LastIndexOf(')');
            if (close > 0 && close + 2 < name.Length && name[close + 1] == '.')
            {
                name = name[(close + 2)..];
            }
        }
        return name.Length > 0 && name.All(c => char.IsLetterOrDigit(c) || c == '_') ? name : null;
    }
}
