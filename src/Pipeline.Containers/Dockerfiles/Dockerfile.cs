using System.Text.RegularExpressions;

namespace Pipeline.Containers;

/// <summary>One instruction of a Dockerfile, its continuation lines joined.</summary>
/// <param name="Line">The line it starts on (from 1).</param>
/// <param name="Keyword">The instruction in upper case: <c>FROM</c>, <c>COPY</c>, ...</param>
/// <param name="Flags">The leading <c>--name=value</c> (or <c>--name</c>) flags, as written.</param>
/// <param name="Arguments">The rest of the instruction after the flags, trimmed.</param>
internal sealed record DockerfileInstruction(int Line, string Keyword, IReadOnlyList<string> Flags, string Arguments)
{
    /// <summary>The value of flag <c>--name</c>, or null when absent; a bare <c>--name</c> is the empty string.</summary>
    public string? Flag(string name)
    {
        foreach (var flag in Flags)
        {
            var body = flag[2..];
            var equals = body.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? body : body[..equals];
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return equals < 0 ? string.Empty : body[(equals + 1)..];
            }
        }

        return null;
    }

    /// <summary>The flag names, lower case.</summary>
    public IEnumerable<string> FlagNames => Flags.Select(f => (f.IndexOf('=', StringComparison.Ordinal) is var e and >= 0 ? f[2..e] : f[2..]).ToLowerInvariant());

    /// <summary>The JSON array form (<c>["a", "b"]</c>) when the arguments are one, else null (shell form).</summary>
    public IReadOnlyList<string>? JsonForm()
    {
        var text = Arguments.TrimStart();
        if (!text.StartsWith('['))
        {
            return null;
        }

        try
        {
            return System.Text.Json.JsonSerializer.Deserialize(text, ContainersJsonContext.Default.StringArray) is { } array && array.All(a => a is not null) ? array : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// A Dockerfile read as BuildKit's parser reads it: parser directives at the top (<c># escape=`</c>), comment and
/// empty lines dropped, lines ending in the escape character joined to the next (comment and empty lines between them
/// skipped), the first word the instruction (any case), leading <c>--flags</c> split off.
/// </summary>
internal sealed partial record Dockerfile(string Path, char Escape, IReadOnlyList<DockerfileInstruction> Instructions)
{
    /// <summary>Reads <paramref name="path"/>; <paramref name="shownAs"/> is how errors name it.</summary>
    public static Dockerfile Load(string path, string shownAs) => Parse(File.ReadAllText(path), shownAs);

    /// <summary>Parses Dockerfile text; <paramref name="shownAs"/> is how errors name the file.</summary>
    public static Dockerfile Parse(string text, string shownAs)
    {
        var lines = text.TrimStart('\uFEFF').Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var escape = '\\';
        var index = 0;
        var directives = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (; index < lines.Length && Directive().Match(lines[index]) is { Success: true } match; index++)
        {
            var name = match.Groups["name"].Value;
            if (!directives.Add(name))
            {
                throw new DockerfileException(shownAs, index + 1, $"the parser directive '{name}' is given twice; keep one.");
            }

            if (name.Equals("escape", StringComparison.OrdinalIgnoreCase))
            {
                var value = match.Groups["value"].Value;
                escape = value is "\\" or "`" ? value[0] : throw new DockerfileException(shownAs, index + 1, $"invalid escape character '{value}'; use \\ or `.");
            }
        }

        var instructions = new List<DockerfileInstruction>();
        while (index < lines.Length)
        {
            var line = lines[index];
            if (IsBlankOrComment(line))
            {
                index++;
                continue;
            }

            var start = index;
            var joined = new System.Text.StringBuilder();
            var continued = true;
            while (continued && index < lines.Length)
            {
                var current = lines[index++];
                if (joined.Length > 0 && IsBlankOrComment(current))
                {
                    continue;
                }

                var trimmed = current.TrimEnd();
                continued = trimmed.Length > 0 && trimmed[^1] == escape;
                joined.Append(continued ? trimmed[..^1] : current);
            }

            instructions.Add(Split(joined.ToString().Trim(), start + 1));
        }

        return new Dockerfile(shownAs, escape, instructions);
    }

    private static bool IsBlankOrComment(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.Length == 0 || trimmed[0] == '#';
    }

    private static DockerfileInstruction Split(string text, int line)
    {
        var space = text.IndexOfAny([' ', '\t']);
        var keyword = (space < 0 ? text : text[..space]).ToUpperInvariant();
        var rest = space < 0 ? string.Empty : text[space..].TrimStart();
        var flags = new List<string>();
        while (rest.StartsWith("--", StringComparison.Ordinal))
        {
            var end = rest.IndexOfAny([' ', '\t']);
            var flag = end < 0 ? rest : rest[..end];
            rest = end < 0 ? string.Empty : rest[end..].TrimStart();
            if (flag == "--")
            {
                break;
            }

            flags.Add(flag);
        }

        return new DockerfileInstruction(line, keyword, flags, rest.Trim());
    }

    [GeneratedRegex(@"^#\s*(?<name>[a-zA-Z][a-zA-Z0-9]*)\s*=\s*(?<value>.+?)\s*$")]
    private static partial Regex Directive();
}
