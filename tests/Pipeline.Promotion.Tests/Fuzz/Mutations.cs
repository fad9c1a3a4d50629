using System.Text;

namespace Pipeline.Promotion.Tests.Fuzz;

/// <summary>
/// Damage done to a generated document before it is edited: hostile characters inserted, characters and lines
/// deleted, duplicated, swapped or re-indented, line endings changed. Most results are still YAML; many are not.
/// </summary>
public static class Mutations
{
    private static readonly string[] Hostile =
        [":", ": ", "#", " #", "'", "\"", "{", "}", "[", "]", ",", "&a ", "*a", "!!str ", "!!int ", "|", ">", "\t", "\r", "\n", " ", "- ", "---\n", "...\n",
         "?", "%", "@", "`", "é", "日本", "🚀", "\u0007", "\u00a0", "\\", "<<: ", "~", "null", "0x1F", "1e3"];

    public static string Apply(string text, Tape tape, int count)
    {
        for (var i = 0; i < count && text.Length > 0; i++)
        {
            var lines = text.Split('\n').ToList();
            var at = tape.Next(text.Length);
            var line = tape.Next(lines.Count);
            text = tape.Next(8) switch
            {
                0 => text.Insert(at, tape.Pick(Hostile)),
                1 => text.Remove(at, 1),
                2 => Lines(lines.Take(line + 1).Append(lines[line]).Concat(lines.Skip(line + 1))),
                3 => Lines(lines.Where((_, index) => index != line)),
                4 => Lines(lines.Select((l, index) => index != line ? l : tape.OneIn(2) ? " " + l : l.StartsWith(' ') ? l[1..] : l)),
                5 => line + 1 < lines.Count ? Lines(lines.Take(line).Append(lines[line + 1]).Append(lines[line]).Concat(lines.Skip(line + 2))) : text,
                6 => Lines(lines.Select((l, index) => index == line && !l.EndsWith('\r') ? l + "\r" : l)),
                _ => text.Insert(at, tape.Pick(Hostile) + tape.Pick(Hostile)),
            };
        }

        return text;
    }

    private static string Lines(IEnumerable<string> lines) => string.Join('\n', lines);

    /// <summary>How a document is shown in a failure: with line numbers, and control characters visible.</summary>
    public static string Show(string text)
    {
        var builder = new StringBuilder();
        var number = 1;
        foreach (var line in text.Split('\n'))
        {
            builder.Append(number++.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)).Append("| ");
            foreach (var c in line)
            {
                builder.Append(c == '\r' ? "\\r" : c == '\t' ? "\\t" : char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString());
            }

            builder.Append('\n');
        }

        return builder.ToString();
    }
}
