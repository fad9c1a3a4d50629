using System.Globalization;
using System.Text;

namespace Pipeline.Promotion.Edits;

/// <summary>Renders a unified diff (<c>diff -u</c> / <c>git diff</c> shape, three lines of context) for dry runs.</summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    /// <summary>
    /// The diff from <paramref name="before"/> to <paramref name="after"/> with headers <c>a/path</c> and
    /// <c>b/path</c>; empty when the texts are equal. A CRLF line keeps its <c>\r</c>, as <c>git diff</c> shows it,
    /// so the output applies with <c>git apply</c>.
    /// </summary>
    public static string Render(string path, string before, string after)
    {
        if (string.Equals(before, after, StringComparison.Ordinal))
        {
            return "";
        }

        var a = Lines.Split(before);
        var b = Lines.Split(after);
        var script = LineDiff.Compute(a.Keys(), b.Keys());
        var output = new StringBuilder();
        output.Append("--- a/").Append(path).Append('\n').Append("+++ b/").Append(path).Append('\n');
        foreach (var hunk in Hunks(script))
        {
            WriteHunk(output, hunk, a, b);
        }

        return output.ToString();
    }

    private static IEnumerable<List<LineDiff.Step>> Hunks(List<LineDiff.Step> script)
    {
        var changed = script.Select((s, i) => (s, i)).Where(x => x.s.Kind != ' ').Select(x => x.i).ToList();
        var i = 0;
        while (i < changed.Count)
        {
            var first = changed[i];
            var last = first;
            while (i + 1 < changed.Count && changed[i + 1] - last <= 2 * Context + 1)
            {
                last = changed[++i];
            }

            i++;
            var start = Math.Max(0, first - Context);
            var end = Math.Min(script.Count - 1, last + Context);
            yield return script.GetRange(start, end - start + 1);
        }
    }

    private static void WriteHunk(StringBuilder output, List<LineDiff.Step> hunk, Lines a, Lines b)
    {
        var oldCount = hunk.Count(s => s.Kind != '+');
        var newCount = hunk.Count(s => s.Kind != '-');
        var oldStart = hunk.FirstOrDefault(s => s.Kind != '+')?.OldIndex ?? hunk[0].OldIndex - 1;
        var newStart = hunk.FirstOrDefault(s => s.Kind != '-')?.NewIndex ?? hunk[0].NewIndex - 1;
        output.Append("@@ -").Append(Range(oldStart, oldCount)).Append(" +").Append(Range(newStart, newCount)).Append(" @@\n");
        foreach (var step in hunk)
        {
            var (lines, index) = step.Kind == '+' ? (b, step.NewIndex) : (a, step.OldIndex);
            output.Append(step.Kind).Append(lines.Text[index]).Append('\n');
            if (index == lines.Text.Length - 1 && !lines.EndsWithNewLine)
            {
                output.Append("\\ No newline at end of file\n");
            }
        }
    }

    /// <summary>GNU style: <c>5</c> for one line, <c>5,3</c> for three, <c>4,0</c> for none (after line 4).</summary>
    private static string Range(int index, int count) => count == 1
        ? (index + 1).ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{index + 1},{count}");

    private sealed record Lines(string[] Text, bool EndsWithNewLine)
    {
        public static Lines Split(string text)
        {
            if (text.Length == 0)
            {
                return new Lines([], true);
            }

            var parts = text.Split('\n');
            var endsWithNewLine = parts[^1].Length == 0;
            var lines = endsWithNewLine ? parts[..^1] : parts;
            return new Lines(lines, endsWithNewLine);
        }

        /// <summary>The lines to compare: a last line without its newline differs from the same text with one.</summary>
        public string[] Keys()
        {
            if (EndsWithNewLine || Text.Length == 0)
            {
                return Text;
            }

            var keys = (string[])Text.Clone();
            keys[^1] += "\n\0";
            return keys;
        }
    }
}
