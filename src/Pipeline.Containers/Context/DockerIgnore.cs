using System.Text;

namespace Pipeline.Containers;

/// <summary>
/// The rules of a <c>.dockerignore</c> file exactly as the Docker CLI and BuildKit apply them (moby's
/// <c>dockerignore.ReadAll</c> and <c>patternmatcher</c>): a line that starts with <c>#</c> is a comment (only in the
/// first column), a UTF-8 BOM is dropped, each pattern is trimmed and cleaned like a path with a leading <c>/</c>
/// removed, <c>*</c> and <c>?</c> never cross <c>/</c>, <c>**</c> crosses any number of folders, <c>\</c> escapes the next
/// character, <c>[...]</c> is a character class, <c>!</c> re-includes, the last matching line wins, and a pattern that
/// matches a folder excludes everything below it. An excluded folder is entered only when a re-include pattern
/// starts with its path, as the CLI's walk does.
/// </summary>
public sealed class DockerIgnore
{
    private readonly IReadOnlyList<IgnorePattern> _patterns;

    private DockerIgnore(IReadOnlyList<IgnorePattern> patterns) => _patterns = patterns;

    /// <summary>Rules that exclude nothing.</summary>
    public static DockerIgnore Empty { get; } = new([]);

    /// <summary>True when some rule re-includes (<c>!pattern</c>).</summary>
    public bool HasExceptions => _patterns.Any(p => p.Reinclude);

    /// <summary>The cleaned patterns, in order, each with its <c>!</c> when it re-includes.</summary>
    public IReadOnlyList<string> Patterns => _patterns.Select(p => p.Reinclude ? "!" + p.Text : p.Text).ToArray();

    /// <summary>Reads <c>.dockerignore</c> in <paramref name="contextDirectory"/>, or returns <see cref="Empty"/>.</summary>
    public static DockerIgnore Load(string contextDirectory)
    {
        var path = Path.Combine(contextDirectory, ".dockerignore");
        return File.Exists(path) ? Parse(File.ReadAllText(path, new UTF8Encoding(false))) : Empty;
    }

    /// <summary>Parses the text of a <c>.dockerignore</c> file.</summary>
    public static DockerIgnore Parse(string text)
    {
        var patterns = new List<IgnorePattern>();
        var lines = text.TrimStart('\uFEFF').Split('\n');
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith('#'))
            {
                continue;
            }

            line = line.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var reinclude = line[0] == '!';
            var pattern = reinclude ? line[1..].Trim() : line;
            if (pattern.Length > 0)
            {
                pattern = IgnorePattern.CleanPath(pattern);
                if (pattern.Length > 1 && pattern[0] == '/')
                {
                    pattern = pattern[1..];
                }
            }

            if (pattern.Length == 0 && reinclude)
            {
                throw new BuildInputException(".dockerignore", line, "'!' alone is not a pattern; name what to re-include, e.g. !README.md.");
            }

            patterns.Add(new IgnorePattern(pattern, reinclude));
        }

        return new DockerIgnore(patterns);
    }

    /// <summary>A copy with <paramref name="path"/> re-included when these rules exclude it (the CLI does this for the Dockerfile and <c>.dockerignore</c>).</summary>
    public DockerIgnore Keeping(string path) =>
        IsExcluded(path) ? new DockerIgnore([.. _patterns, new IgnorePattern(IgnorePattern.CleanPath(path), true)]) : this;

    /// <summary>True when <paramref name="relativePath"/> (forward slashes, relative to the context) is excluded.</summary>
    public bool IsExcluded(string relativePath)
    {
        var path = IgnorePattern.CleanPath(relativePath.Trim('/'));
        if (path == ".")
        {
            return false;
        }

        var slash = path.LastIndexOf('/');
        var parents = slash < 0 ? [] : path[..slash].Split('/');
        var excluded = false;
        foreach (var pattern in _patterns)
        {
            if (pattern.Reinclude != excluded)
            {
                continue;
            }

            var match = pattern.Matches(path);
            for (var i = 0; !match && i < parents.Length; i++)
            {
                match = pattern.Matches(string.Join('/', parents[..(i + 1)]));
            }

            if (match)
            {
                excluded = !pattern.Reinclude;
            }
        }

        return excluded;
    }

    /// <summary>
    /// Whether the walk must still enter the excluded folder <paramref name="relativeDirectory"/>: only when a
    /// re-include pattern starts with its path.
    /// </summary>
    public bool MustEnter(string relativeDirectory)
    {
        var prefix = relativeDirectory.Trim('/') + "/";
        return _patterns.Any(p => p.Reinclude && (p.Text + "/").StartsWith(prefix, StringComparison.Ordinal));
    }
}
