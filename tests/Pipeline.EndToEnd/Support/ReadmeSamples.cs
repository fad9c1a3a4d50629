using System.Text.RegularExpressions;

namespace Pipeline.EndToEnd;

/// <summary>
/// The README's checked samples: a code block right after <c>&lt;!-- checked: COMMAND --&gt;</c> shows lines that
/// COMMAND prints, in order, with <c>…</c> for lines left out. Hashes, digests, times, ports and the clone's directory
/// (shown as <c>/tmp/app</c>) may differ; the rest must match, so the README cannot drift from the build.
/// </summary>
internal sealed partial record ReadmeSample(string Command, IReadOnlyList<string> Lines)
{
    public static IReadOnlyList<ReadmeSample> All(string readme) =>
        Marker().Matches(File.ReadAllText(readme).Replace("\r\n", "\n", StringComparison.Ordinal))
            .Select(m => new ReadmeSample(m.Groups["command"].Value.Trim(), m.Groups["body"].Value.Split('\n')))
            .ToList();

    /// <summary>The sample's first line that the output does not show (in order), or null when every line is there.</summary>
    public string? FirstMissingLine(string output, string root)
    {
        var printed = output.Replace("\r\n", "\n", StringComparison.Ordinal).Replace(root, "/tmp/app", StringComparison.Ordinal)
            .Split('\n').Select(Normalize).ToList();
        var at = 0;
        foreach (var line in Lines.Where(l => l.Trim() is not ("…" or "")))
        {
            var wanted = Normalize(line);
            var found = printed.FindIndex(at, p => p == wanted);
            if (found < 0)
            {
                return line;
            }

            at = found + 1;
        }
        return null;
    }

    /// <summary>The command's words, as a shell would split them (single quotes only).</summary>
    public IReadOnlyList<string> Words()
    {
        var words = new List<string>();
        foreach (Match word in Word().Matches(Command))
        {
            words.Add(word.Groups["quoted"].Success ? word.Groups["quoted"].Value : word.Value);
        }

        return words;
    }

    internal static string Normalize(string line)
    {
        line = Digest().Replace(line, "sha256:<digest>");
        line = Port().Replace(line, ":<port>");
        line = Hash().Replace(line, "<hash>");
        line = Time().Replace(line, "<time>");
        return Spaces().Replace(line.Trim(), " ");
    }

    [GeneratedRegex(@"<!-- checked: (?<command>[^\n]+?) -->\n(?<fence>`{3,})[a-z]*\n(?<body>.*?)\n\k<fence>", RegexOptions.Singleline)]
    private static partial Regex Marker();

    [GeneratedRegex(@"'(?<quoted>[^']*)'|[^\s']+")]
    private static partial Regex Word();

    [GeneratedRegex(@"sha256:[0-9a-f]{64}")]
    private static partial Regex Digest();

    [GeneratedRegex(@":\d{4,5}\b")]
    private static partial Regex Port();

    [GeneratedRegex(@"\b(?=[0-9a-f]*\d)[0-9a-f]{7,40}\b")]
    private static partial Regex Hash();

    [GeneratedRegex(@"\b\d+(\.\d+)? s\b|\b\d+:\d{2}(:\d{2})?\b|\b\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}Z?")]
    private static partial Regex Time();

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Spaces();
}
