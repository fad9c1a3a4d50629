using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Containers;

/// <summary>
/// The build context as a COPY sees it: the files, folders and links the Docker CLI would send (through
/// <see cref="BuildContextFiles"/>, so <c>.dockerignore</c> applies the same way), found by path or by wildcard.
/// </summary>
internal sealed class ContextTree
{
    private readonly Dictionary<string, ContextEntry> _entries;
    private readonly Dictionary<string, List<string>> _children;

    private ContextTree(string root, IEnumerable<ContextEntry> entries)
    {
        Root = root;
        _entries = new Dictionary<string, ContextEntry>(StringComparer.Ordinal);
        _children = new Dictionary<string, List<string>>(StringComparer.Ordinal) { ["."] = [] };
        foreach (var entry in entries)
        {
            _entries[entry.RelativePath] = entry;
            var parent = Parent(entry.RelativePath);
            if (!_children.TryGetValue(parent, out var list))
            {
                _children[parent] = list = [];
            }

            list.Add(entry.RelativePath);
            if (entry.IsDirectory)
            {
                _children.TryAdd(entry.RelativePath, []);
            }
        }
    }

    /// <summary>The context folder.</summary>
    public string Root { get; }

    /// <summary>Reads the context folder with its <c>.dockerignore</c>; <paramref name="dockerfileInside"/> is kept as the CLI keeps it.</summary>
    public static ContextTree Load(string context, string? dockerfileInside) =>
        new(context, BuildContextFiles.Enumerate(context, BuildContextFiles.IgnoreRules(context, dockerfileInside)));

    /// <summary>The entry at <paramref name="path"/> (clean, relative, <c>.</c> for the root), or null.</summary>
    public ContextEntry? Find(string path) =>
        path == "." ? new ContextEntry(".", Root, new DirectoryInfo(Root)) : _entries.GetValueOrDefault(path);

    /// <summary>The entries directly inside folder <paramref name="path"/>, in name order.</summary>
    public IReadOnlyList<ContextEntry> Children(string path) =>
        _children.TryGetValue(path, out var list) ? list.Select(p => _entries[p]).ToArray() : [];

    /// <summary>Every entry under folder <paramref name="path"/>, parents before children, in name order.</summary>
    public IEnumerable<ContextEntry> Descendants(string path)
    {
        foreach (var child in Children(path))
        {
            yield return child;
            if (child.IsDirectory)
            {
                foreach (var below in Descendants(child.RelativePath))
                {
                    yield return below;
                }
            }
        }
    }

    /// <summary>The entries a wildcard source matches (<c>*</c>, <c>?</c>, <c>[...]</c> within one path segment), in name order.</summary>
    public IReadOnlyList<ContextEntry> Match(string pattern)
    {
        var current = new List<string> { "." };
        foreach (var segment in pattern.Split('/'))
        {
            var regex = HasWildcard(segment) ? Glob(segment) : null;
            var next = new List<string>();
            foreach (var folder in current)
            {
                if (regex is null)
                {
                    var path = folder == "." ? segment : $"{folder}/{segment}";
                    if (_entries.ContainsKey(path))
                    {
                        next.Add(path);
                    }
                }
                else
                {
                    next.AddRange(Children(folder).Where(c => regex.IsMatch(Name(c.RelativePath))).Select(c => c.RelativePath));
                }
            }

            current = next;
        }

        return current.Where(p => p != ".").Select(p => _entries[p]).ToArray();
    }

    public static bool HasWildcard(string text) => text.IndexOfAny(['*', '?', '[']) >= 0;

    public static string Name(string path) => path[(path.LastIndexOf('/') + 1)..];

    public static string Parent(string path) => path.LastIndexOf('/') is var slash and > 0 ? path[..slash] : ".";

    /// <summary>Go's <c>filepath.Match</c> for one segment, as a regular expression.</summary>
    private static Regex Glob(string segment)
    {
        var pattern = new StringBuilder("^");
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            switch (c)
            {
                case '*':
                    pattern.Append(".*");
                    break;
                case '?':
                    pattern.Append('.');
                    break;
                case '[':
                    var end = segment.IndexOf(']', i + 1);
                    if (end < 0)
                    {
                        throw new FormatException($"the wildcard '{segment}' has a '[' without its ']'");
                    }

                    var body = segment[(i + 1)..end];
                    pattern.Append('[').Append(body.StartsWith('^') ? "^" + Regex.Escape(body[1..]).Replace("\\-", "-", StringComparison.Ordinal) : Regex.Escape(body).Replace("\\-", "-", StringComparison.Ordinal)).Append(']');
                    i = end;
                    break;
                case '\\' when i + 1 < segment.Length:
                    pattern.Append(Regex.Escape(segment[++i].ToString()));
                    break;
                default:
                    pattern.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return new Regex(pattern.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }
}
