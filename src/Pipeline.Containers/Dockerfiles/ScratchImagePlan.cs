using System.Formats.Tar;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Pipeline.Containers;

/// <summary>One layer to write: the entries it holds, in name order.</summary>
internal sealed record PlannedLayer(IReadOnlyList<ImageFile> Files);

/// <summary>
/// What a <c>FROM scratch</c> Dockerfile makes for one platform, worked out without an engine: the image config
/// (as BuildKit writes it: its default <c>PATH</c> and <c>WorkingDir</c>, one history entry per instruction) and the
/// layers, one per COPY (and per WORKDIR that creates a folder). <see cref="ScratchImagePlanner"/> makes it.
/// </summary>
/// <param name="Platform">The platform.</param>
/// <param name="Config">The image config without <c>created</c>; its <c>rootfs</c> is filled in when the layers are written.</param>
/// <param name="Layers">The layers, bottom first.</param>
internal sealed record ScratchImagePlan(Platform Platform, JsonObject Config, IReadOnlyList<PlannedLayer> Layers);

/// <summary>Go's <c>%q</c> and map formatting, which BuildKit's history lines use.</summary>
internal static class GoText
{
    /// <summary><c>fmt.Sprintf("%q", words)</c>: <c>["a" "b"]</c>.</summary>
    public static string QuoteList(IEnumerable<string> words) => "[" + string.Join(' ', words.Select(Quote)) + "]";

    /// <summary><c>strconv.Quote</c>.</summary>
    public static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var rune in text.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"': quoted.Append("\\\""); break;
                case '\\': quoted.Append("\\\\"); break;
                case '\a': quoted.Append("\\a"); break;
                case '\b': quoted.Append("\\b"); break;
                case '\f': quoted.Append("\\f"); break;
                case '\n': quoted.Append("\\n"); break;
                case '\r': quoted.Append("\\r"); break;
                case '\t': quoted.Append("\\t"); break;
                case '\v': quoted.Append("\\v"); break;
                case < 0x20 or 0x7f: quoted.Append(CultureInfo.InvariantCulture, $"\\x{rune.Value:x2}"); break;
                default: quoted.Append(rune.ToString()); break;
            }
        }

        return quoted.Append('"').ToString();
    }

    /// <summary><c>fmt.Sprint</c> of a <c>map[string]struct{}</c>: <c>map[a:{} b:{}]</c>, keys sorted.</summary>
    public static string SetMap(IEnumerable<string> keys) => "map[" + string.Join(' ', keys.Order(StringComparer.Ordinal).Select(k => k + ":{}")) + "]";
}
