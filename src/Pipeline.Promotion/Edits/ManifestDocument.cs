using System.Text;

namespace Pipeline.Promotion.Edits;

/// <summary>
/// A manifest held in memory: its path (as it will be committed), its text, and how its bytes were framed.
/// <see cref="Text"/> never contains the UTF-8 byte order mark; <see cref="ToBytes"/> puts it back, so reading
/// and writing an unedited document reproduces the original bytes exactly.
/// </summary>
public sealed record ManifestDocument
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private ManifestDocument(string path, string text, bool byteOrderMark)
    {
        Path = path;
        Text = text;
        HasByteOrderMark = byteOrderMark;
        NewLine = DetectNewLine(text);
    }

    /// <summary>The path of the file, relative to the repository root (used in errors, changes and diffs).</summary>
    public string Path { get; }

    /// <summary>The decoded text, without a byte order mark.</summary>
    public string Text { get; }

    /// <summary>True when the file starts with the UTF-8 byte order mark.</summary>
    public bool HasByteOrderMark { get; }

    /// <summary>The line ending of the first line (<c>\r\n</c> or <c>\n</c>); new lines an edit inserts use their neighbour's ending.</summary>
    public string NewLine { get; }

    /// <summary>
    /// Decodes UTF-8 <paramref name="bytes"/>. Throws <see cref="ManifestSyntaxException"/> for bytes that are not
    /// UTF-8 (UTF-16 files or other encodings cannot be edited without changing bytes).
    /// </summary>
    public static ManifestDocument FromBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var bom = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            throw new ManifestSyntaxException(path, 1, 1, "the file is UTF-16; convert it to UTF-8");
        }

        try
        {
            return new ManifestDocument(path, StrictUtf8.GetString(bom ? bytes[3..] : bytes), bom);
        }
        catch (DecoderFallbackException exception)
        {
            throw new ManifestSyntaxException(path, 1, 1, "the file is not valid UTF-8; convert it to UTF-8", exception);
        }
    }

    /// <summary>Creates a document from text; a leading U+FEFF is taken as the byte order mark.</summary>
    public static ManifestDocument FromText(string path, string text) =>
        text.StartsWith('\uFEFF') ? new ManifestDocument(path, text[1..], true) : new ManifestDocument(path, text, false);

    /// <summary>Reads <paramref name="fullPath"/> from disk, naming it <paramref name="path"/> (defaults to the full path).</summary>
    public static ManifestDocument Load(string fullPath, string? path = null) =>
        FromBytes(path ?? fullPath, File.ReadAllBytes(fullPath));

    /// <summary>The same file with new text (the byte order mark is kept as it was).</summary>
    public ManifestDocument WithText(string text) => new(Path, text, HasByteOrderMark);

    /// <summary>The file's bytes: the byte order mark if it had one, then the UTF-8 text.</summary>
    public byte[] ToBytes()
    {
        var length = StrictUtf8.GetByteCount(Text);
        var offset = HasByteOrderMark ? 3 : 0;
        var bytes = new byte[length + offset];
        if (HasByteOrderMark)
        {
            bytes[0] = 0xEF;
            bytes[1] = 0xBB;
            bytes[2] = 0xBF;
        }

        StrictUtf8.GetBytes(Text, bytes.AsSpan(offset));
        return bytes;
    }

    /// <summary>The text with the byte order mark as a leading U+FEFF when the file has one.</summary>
    public string ToFileText() => HasByteOrderMark ? "\uFEFF" + Text : Text;

    private static string DetectNewLine(string text)
    {
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return newline > 0 && text[newline - 1] == '\r' ? "\r\n" : "\n";
    }
}
