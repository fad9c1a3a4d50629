using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Containers;

/// <summary>
/// One <c>.dockerignore</c> pattern, matched the way moby's <c>patternmatcher</c> does on Linux: an exact match when
/// the pattern has no wildcard, a prefix match for a trailing <c>**</c>, a suffix match for a leading <c>**</c> with no
/// other wildcard, and otherwise a regular expression.
/// </summary>
internal sealed class IgnorePattern
{
    private const string EscapedByDocker = ".+()|{}$";
    private readonly Kind _kind;
    private readonly Regex? _regex;

    public IgnorePattern(string text, bool reinclude)
    {
        Text = text;
        Reinclude = reinclude;
        (_kind, _regex) = Compile(text);
    }

    private enum Kind
    {
        Exact,
        Prefix,
        Suffix,
        Expression,
    }

    /// <summary>The cleaned pattern, without its <c>!</c>.</summary>
    public string Text { get; }

    /// <summary>True for a <c>!pattern</c>.</summary>
    public bool Reinclude { get; }

    public bool Matches(string path) => _kind switch
    {
        Kind.Exact => path == Text,
        Kind.Prefix => path.StartsWith(Text[..^2], StringComparison.Ordinal),
        Kind.Suffix => path.EndsWith(Text[2..], StringComparison.Ordinal) || (Text.Length > 2 && Text[2] == '/' && path == Text[3..]),
        _ => _regex!.IsMatch(path),
    };

    /// <summary>Go's <c>path.Clean</c>: one slash between names, no <c>.</c>, <c>..</c> folded into its parent, no trailing slash.</summary>
    public static string CleanPath(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }

        var rooted = path[0] == '/';
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else if (part != ".." || !rooted)
            {
                parts.Add(part);
            }
        }

        var joined = string.Join('/', parts);
        return rooted ? "/" + joined : joined.Length == 0 ? "." : joined;
    }

    private static (Kind Kind, Regex? Regex) Compile(string pattern)
    {
        var regex = new StringBuilder("^");
        var kind = Kind.Exact;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            var first = regex.Length == 1 && i == 0;
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                i++;
                if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                {
                    i++;
                }

                if (i + 1 == pattern.Length)
                {
                    if (kind == Kind.Exact)
                    {
                        kind = Kind.Prefix;
                    }
                    else
                    {
                        regex.Append(".*");
                        kind = Kind.Expression;
                    }
                }
                else
                {
                    regex.Append("(.*/)?");
                    kind = Kind.Expression;
                }

                if (first)
                {
                    kind = Kind.Suffix;
                }
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
                kind = Kind.Expression;
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
                kind = Kind.Expression;
            }
            else if (EscapedByDocker.Contains(c, StringComparison.Ordinal))
            {
                regex.Append('\\').Append(c);
            }
            else if (c == '\\')
            {
                if (i + 1 < pattern.Length)
                {
                    regex.Append('\\').Append(pattern[++i]);
                    kind = Kind.Expression;
                }
                else
                {
                    regex.Append(@"\\");
                }
            }
            else if (c is '[' or ']')
            {
                regex.Append(c);
                kind = Kind.Expression;
            }
            else
            {
                regex.Append(c);
            }
        }

        if (kind != Kind.Expression)
        {
            return (kind, null);
        }

        try
        {
            return (kind, new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant));
        }
        catch (ArgumentException exception)
        {
            throw new BuildInputException(".dockerignore", pattern, $"the pattern is not valid ({exception.Message}); fix it in .dockerignore.");
        }
    }
}
