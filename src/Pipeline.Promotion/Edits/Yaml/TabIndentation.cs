using YamlDotNet.Core;

namespace Pipeline.Promotion.Edits;

/// <summary>
/// YAML indents with spaces only. YamlDotNet refuses a tab in the indentation (also on a line that holds nothing
/// else, which YAML 1.2 allows) and reports it at the node before that line, so this finds the line with the tab
/// to point at it and name the fix.
/// </summary>
internal static class TabIndentation
{
    /// <summary>The position of the tab that <paramref name="exception"/> is about, and what to do, or null.</summary>
    public static (int Line, int Column, string Reason)? Find(string text, YamlException exception)
    {
        if (!exception.Message.Contains("tab", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var lines = text.Split('\n');
        for (var i = Math.Max(0, (int)exception.Start.Line - 1); i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var indentation = line.Length - line.TrimStart(' ', '\t').Length;
            var tab = line.IndexOf('\t', 0, indentation);
            if (tab >= 0)
            {
                var fix = indentation == line.Length ? "delete the white space of that blank line" : "indent with spaces instead";
                return (i + 1, tab + 1, $"line {i + 1} has a tab in its indentation, and YAML indents with spaces only; {fix}");
            }
        }

        return null;
    }
}
