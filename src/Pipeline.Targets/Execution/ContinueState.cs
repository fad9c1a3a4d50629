using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Pipeline.Targets;

/// <summary>
/// Remembers which targets succeeded in the last invocation (<c>.nuke/temp/build-attempt.json</c>) so that
/// <c>--continue</c> after a failure skips them when the invocation is otherwise identical. Builds running at the same
/// time in one checkout each replace the file whole (<see cref="AtomicFile"/>); the last one to finish is remembered.
/// </summary>
internal static class ContinueState
{
    public static AbsolutePath FilePath(AbsolutePath root) => root / ".nuke" / "temp" / "build-attempt.json";

    public static string Fingerprint(IEnumerable<string> arguments) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\0', arguments))));

    public static IReadOnlySet<string> Succeeded(AbsolutePath root, string fingerprint)
    {
        if (AtomicFile.TryReadAllText(FilePath(root)) is not { } text)
        {
            return new HashSet<string>();
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var rootElement = document.RootElement;
            if (rootElement.GetProperty("fingerprint").GetString() != fingerprint)
            {
                return new HashSet<string>();
            }

            return rootElement.GetProperty("succeeded").EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return new HashSet<string>();
        }
    }

    public static void Save(AbsolutePath root, string fingerprint, IEnumerable<string> succeeded)
    {
        var names = succeeded.ToList();
        AtomicFile.Write(FilePath(root), temporary =>
        {
            using var stream = File.Create(temporary);
            using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            writer.WriteStartObject();
            writer.WriteString("fingerprint", fingerprint);
            writer.WriteStartArray("succeeded");
            foreach (var name in names)
            {
                writer.WriteStringValue(name);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }
}
