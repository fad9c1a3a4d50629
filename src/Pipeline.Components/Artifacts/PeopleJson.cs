using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Components;

/// <summary>
/// JSON written for people to read (artifacts, records): indented, with <c>+</c>, <c>&lt;</c>, <c>&gt;</c> and non-ASCII
/// text as themselves rather than <c>\u002B</c> escapes. Never embedded in HTML, so the relaxed encoder is safe here.
/// </summary>
internal static class PeopleJson
{
    public static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(JsonNode node) => node.ToJsonString(Options) + "\n";

    /// <summary>Writes to a temporary file beside <paramref name="path"/> and moves it in place, so a reader never sees half a file.</summary>
    public static async Task WriteFileAsync(string path, JsonNode node, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, Write(node), cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }
}
