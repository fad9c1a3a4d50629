using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Containers;

/// <summary>
/// The rules of a <c>.dockerignore</c> file as the Docker CLI applies them: one pattern per line, <c>#</c> comments,
/// <c>*</c>, <c>?</c>, <c>**</c> and character classes, <c>!</c> to re-include, the last matching line wins, and a
/// pattern that matches a directory excludes everything below it.
/// </summary>
public sealed class DockerIgnore
{
    private readonly IReadOnlyList<(Regex Pattern, bool Exclude)> _rules;

    private DockerIgnore(IReadOnlyList<(Regex Pattern, bool Exclude)> rules) => _rules = rules;

    /// <summary>Rules that exclude nothing.</summary>
    public static DockerIgnore Empty { get; } = new([]);

    /// <summary>True when some rule re-includes (<c>!pattern</c>), so an excluded folder must still be walked.</summary>
    public bool HasExceptions => _rules.Any(r => !r.Exclude);

    /// <summary>Reads <c>.dockerignore</c> in <paramref name="contextDirectory"/>, or returns <see cref="Empty"/>.</summary>
    public static DockerIgnore Load(string contextDirectory)
    {
        var path = Path.Combine(contextDirectory, ".dockerignore");
        return File.Exists(path) ? Parse(File.ReadAllText(path)) : Empty;
    }

    /// <summary>Parses the text of a <c>.dockerignore</c> file.</summary>
    public static DockerIgnore Parse(string text)
    {
        var rules = new List<(Regex, bool)>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var exclude = line[0] != '!';
            var pattern = Clean(exclude ? line : line[1..].Trim());
            if (pattern.Length > 0)
            {
                rules.Add((ToRegex(pattern), exclude));
            }
        }

        return new DockerIgnore(rules);
    }

    /// <summary>True when <paramref name="relativePath"/> (forward slashes, relative to the context) is excluded.</summary>
    public bool IsExcluded(string relativePath)
    {
        var path = relativePath.Replace('\\', '/').Trim('/');
        var excluded = false;
        foreach (var (pattern, exclude) in _rules)
        {
            if (pattern.IsMatch(path) || AncestorsOf(path).Any(pattern.IsMatch))
            {
                excluded = exclude;
            }
        }

        return excluded;
    }

    private static IEnumerable<string> AncestorsOf(string path)
    {
        for (var slash = path.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = path.IndexOf('/', slash + 1))
        {
            yield return path[..slash];
        }
    }

    private static string Clean(string pattern)
    {
        var parts = new List<string>();
        foreach (var part in pattern.Replace('\\', '/').Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        return string.Join('/', parts);
    }

    private static Regex ToRegex(string pattern)
    {
        var builder = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*' when i + 1 < pattern.Length && pattern[i + 1] == '*':
                    i++;
                    if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                    {
                        i++;
                        builder.Append(i + 1 == pattern.Length ? ".*" : "(.*/)?");
                    }
                    else
                    {
                        builder.Append(".*");
                    }

                    break;
                case '*':
                    builder.Append("[^/]*");
                    break;
                case '?':
                    builder.Append("[^/]");
                    break;
                case '[':
                    var close = pattern.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        builder.Append(@"\[");
                        break;
                    }

                    var set = pattern[(i + 1)..close];
                    builder.Append('[').Append(set.StartsWith('^') || set.StartsWith('!') ? "^" + Regex.Escape(set[1..]) : Regex.Escape(set)).Append(']');
                    i = close;
                    break;
                default:
                    builder.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return new Regex(builder.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
