using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Promotion.Edits;

/// <summary>Describes where a node is (<c>spec.template.spec.containers[0].image</c>) for changes and errors.</summary>
internal static partial class YamlPaths
{
    public static string Describe(YamlNode node)
    {
        var parts = new List<string>();
        for (var current = node; current.Parent is not null; current = current.Parent)
        {
            if (current.IndexInParent >= 0)
            {
                parts.Add($"[{current.IndexInParent}]");
            }
            else if (current.KeyInParent is { } key)
            {
                parts.Add("." + KeyText(key));
            }
            else
            {
                parts.Add(".(key)");
            }
        }

        var builder = new StringBuilder();
        for (var i = parts.Count - 1; i >= 0; i--)
        {
            builder.Append(parts[i]);
        }

        return builder.Length == 0 ? "(root)" : builder.ToString().TrimStart('.');
    }

    public static string KeyText(YamlNode key) => key switch
    {
        YamlScalar scalar when PlainKey().IsMatch(scalar.Value) => scalar.Value,
        YamlScalar scalar => "\"" + scalar.Value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
        _ => "(complex key)",
    };

    [GeneratedRegex(@"^[^.\[\]""'\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainKey();
}
