using System.Text.Json;

namespace Pipeline.Promotion.Edits;

/// <summary>
/// The grammar of a marker comment: after <c>#</c> and optional spaces, exactly one JSON object with exactly one
/// member, the marker key (<c>"$promote"</c> by default), whose string value is <c>name</c> or
/// <c>name:field</c>, field being <c>tag</c>, <c>name</c> (the repository) or <c>digest</c>. The field is only
/// split off when the text after the last <c>:</c> is one of those words, so names may contain <c>:</c>
/// (<c>flux-system:podinfo:tag</c> is name <c>flux-system:podinfo</c>, field <c>tag</c>).
/// </summary>
internal sealed record MarkerComment(string Name, string? Field)
{
    public static readonly string[] Fields = ["tag", "name", "digest"];

    /// <summary>
    /// Parses the comment text after <c>#</c>. Returns null when the comment does not mention
    /// <paramref name="key"/>; throws <see cref="FormatException"/> (with the reason) when it does but is malformed.
    /// </summary>
    public static MarkerComment? Parse(string comment, string key)
    {
        if (!comment.Contains("\"" + key + "\"", StringComparison.Ordinal))
        {
            return null;
        }

        var text = comment.Trim();
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(text);
        }
        catch (JsonException exception)
        {
            throw new FormatException($"the comment is not a JSON object ({exception.Message})", exception);
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || root.EnumerateObject().Count() != 1
                || !root.TryGetProperty(key, out var value) || value.ValueKind != JsonValueKind.String)
            {
                throw new FormatException($"a marker is exactly {{\"{key}\": \"name\"}} or {{\"{key}\": \"name:tag|name|digest\"}}");
            }

            var content = value.GetString()!;
            var colon = content.LastIndexOf(':');
            var field = colon > 0 && Fields.Contains(content[(colon + 1)..]) ? content[(colon + 1)..] : null;
            var name = field is null ? content : content[..colon];
            if (name.Length == 0 || name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                throw new FormatException("the marker's name is empty or contains white space");
            }

            return new MarkerComment(name, field);
        }
    }
}
