using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Promotion.Benchmark;

/// <summary>
/// Decides, from the generator's record alone, whether an output changed anything but the edited values: the
/// output must be the original with each value span replaced by the new value, optionally quoted (either
/// quote), and nothing else different, down to the byte order mark and line endings. An output that differs
/// is "changed outside" when it still holds every new value once parsed, and "edit missing" when it does not.
/// </summary>
internal static class OutsideChangeCheck
{
    public enum Verdict
    {
        Exact,
        ChangedOutside,
        EditMissing,
    }

    public static Verdict Check(GeneratedFile file, byte[] output)
    {
        var bom = output.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        var text = Encoding.UTF8.GetString(bom ? output[3..] : output);
        if (bom == file.ByteOrderMark && Pattern(file).IsMatch(text))
        {
            return Verdict.Exact;
        }

        // Not byte-exact: tell a reformatted file that holds the new values from one that lost them.
        var values = ScalarValues(text);
        return file.Slots.All(s => values.Contains(s.NewValue)) ? Verdict.ChangedOutside : Verdict.EditMissing;
    }

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
                case YamlScalarNode scalar when scalar.Value is not null:
                    values.Add(scalar.Value);
                    break;
                case YamlMappingNode mapping:
                    foreach (var (key, value) in mapping.Children)
                    {
                        pending.Push(key);
                        pending.Push(value);
                    }

                    break;
                case YamlSequenceNode sequence:
                    sequence.Children.ToList().ForEach(pending.Push);
                    break;
            }
        }

        return values;
    }

    private static Regex Pattern(GeneratedFile file)
    {
        var pattern = new StringBuilder(@"\A");
        var position = 0;
        foreach (var slot in file.Slots)
        {
            pattern.Append(Regex.Escape(file.Text[position..slot.Start]))
                .Append("[\"']?").Append(Regex.Escape(slot.NewValue)).Append("[\"']?");
            position = slot.End;
        }

        pattern.Append(Regex.Escape(file.Text[position..])).Append(@"\z");
        return new Regex(pattern.ToString(), RegexOptions.CultureInvariant);
    }
}
