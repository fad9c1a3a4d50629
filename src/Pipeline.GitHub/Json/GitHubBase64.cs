using System.Buffers.Text;

namespace Pipeline.GitHub.Json;

/// <summary>
/// Base64 as GitHub sends it: the contents API wraps its base64 at 60 characters with <c>\n</c>
/// (and may use <c>\r\n</c>); both are removed before a strict decode.
/// </summary>
internal static class GitHubBase64
{
    public static byte[] Decode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var compact = new char[text.Length];
        var length = 0;
        foreach (var c in text)
        {
            if (c is not ('\n' or '\r' or ' ' or '\t'))
            {
                compact[length++] = c;
            }
        }

        var bytes = new byte[Base64.GetMaxDecodedFromUtf8Length(length)];
        if (!Convert.TryFromBase64Chars(compact.AsSpan(0, length), bytes, out var written))
        {
            throw new FormatException("GitHub sent content that is not valid base64.");
        }

        return bytes[..written];
    }

    public static string Encode(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes);
}
