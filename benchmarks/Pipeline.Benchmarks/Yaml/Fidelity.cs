using System.Text;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Benchmarks.Yaml;

/// <summary>How far one tool's output is from the exact expected file.</summary>
/// <param name="ChangedOutside">The output differs from the original with only the edited values replaced.</param>
/// <param name="EditMissing">Some new value is not among the output's scalar values once parsed.</param>
/// <param name="StrayBytes">Bytes of the expected file on lines the output did not keep byte for byte (3 more for a lost or added BOM).</param>
internal sealed record FileFidelity(bool ChangedOutside, bool EditMissing, long StrayBytes);

/// <summary>
/// Judges an output against the generator's own record of where each value is, without trusting any tool: the
/// expected file is the original with each value span replaced by the new value in the same quotes, everything
/// else byte for byte (line endings and byte order mark included).
/// </summary>
internal static class Fidelity
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    public static byte[] Expected(GeneratedFile file)
    {
        var text = new StringBuilder();
        var position = 0;
        foreach (var slot in file.Slots)
        {
            var original = file.Text[slot.Start..slot.End];
            var quote = original.Length > 0 && original[0] is '"' or '\'' ? original[0].ToString() : "";
            text.Append(file.Text, position, slot.Start - position).Append(quote).Append(slot.NewValue).Append(quote);
            position = slot.End;
        }

        text.Append(file.Text, position, file.Text.Length - position);
        return [.. file.ByteOrderMark ? Bom : [], .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static FileFidelity Judge(GeneratedFile file, byte[] output)
    {
        var expected = Expected(file);
        if (expected.AsSpan().SequenceEqual(output))
        {
            return new FileFidelity(false, false, 0);
        }

        var (expectedBom, expectedText) = Split(expected);
        var (outputBom, outputText) = Split(output);
        var values = ScalarValues(outputText);
        var missing = file.Slots.Any(s => !values.Contains(s.NewValue));
        return new FileFidelity(true, missing, StrayBytes(Lines(expectedText), Lines(outputText)) + (expectedBom == outputBom ? 0 : Bom.Length));
    }

    /// <summary>Bytes of the lines of <paramref name="expected"/> outside the longest common subsequence of lines.</summary>
    public static long StrayBytes(IReadOnlyList<string> expected, IReadOnlyList<string> output)
    {
        var lengths = new int[expected.Count + 1, output.Count + 1];
        for (var i = expected.Count - 1; i >= 0; i--)
        {
            for (var j = output.Count - 1; j >= 0; j--)
            {
                lengths[i, j] = expected[i] == output[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        long stray = 0;
        for (int i = 0, j = 0; i < expected.Count;)
        {
            if (j < output.Count && expected[i] == output[j])
            {
                i++;
                j++;
            }
            else if (j < output.Count && lengths[i, j + 1] >= lengths[i + 1, j])
            {
                j++;
            }
            else
            {
                stray += Encoding.UTF8.GetByteCount(expected[i]);
                i++;
            }
        }

        return stray;
    }

    /// <summary>Lines with their line endings, so a changed ending changes the line.</summary>
    public static List<string> Lines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return lines;
    }

    /// <summary>Every scalar of every document, as parsed (a folded or escaped value reads as its value).</summary>
    private static HashSet<string> ScalarValues(string text)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var pending = new Stack<YamlNode>(stream.Documents.Select(d => d.RootNode));
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case YamlScalarNode { Value: { } value }:
                    values.Add(value);
                    break;
                case YamlMappingNode mapping:
                    foreach (var (key, child) in mapping.Children)
                    {
                        pending.Push(key);
                        pending.Push(child);
                    }

                    break;
                case YamlSequenceNode sequence:
                    sequence.Children.ToList().ForEach(pending.Push);
                    break;
            }
        }

        return values;
    }

    private static (bool Bom, string Text) Split(byte[] bytes) =>
        bytes.AsSpan().StartsWith(Bom) ? (true, Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3)) : (false, Encoding.UTF8.GetString(bytes));
}
