using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Pipeline.Processes;

/// <summary>
/// The forms in which a secret value shows up in text written by the tools and servers a build talks to: the
/// encodings GitHub Actions' own secret masker knows (base64 at each of the three byte alignments, URL and JSON
/// escaping), plus the exact forms of the headers this code sends.
/// </summary>
public static class SecretForms
{
    /// <summary>Base64 forms shorter than this are left out: a few base64 characters occur by chance in any digest.</summary>
    public const int MinimumEncodedLength = 8;

    /// <summary>The user name git and GitHub put in front of a token in <c>Authorization: Basic</c>.</summary>
    public const string TokenUser = "x-access-token";

    /// <summary>
    /// Every form of <paramref name="value"/>: the value itself; each line of a multi-line value (a PEM key) but its
    /// armor; base64 of <c>x-access-token:value</c> (git's <c>http.extraHeader</c>); base64 and base64url of the
    /// value at each byte alignment, so that <c>base64(user:value)</c> is found whatever the user; URL-encoded
    /// (upper- and lower-case hex, <c>+</c> for space, as in a URL's userinfo or a form body); JSON-escaped (as
    /// System.Text.Json, a relaxed encoder and Go write it), and base64 of those (Docker's <c>X-Registry-Auth</c> is
    /// base64url of JSON). Forms shorter than <see cref="SecretRegistry.MinimumLength"/> are left out.
    /// </summary>
    public static IReadOnlyList<string> Of(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var plain = new List<string> { value };
        if (value.Contains('\n', StringComparison.Ordinal))
        {
            plain.AddRange(value.Split('\n').Select(line => line.Trim()).Where(line => line.Length >= MinimumEncodedLength && !line.StartsWith("-----", StringComparison.Ordinal)));
        }

        var escaped = Uri.EscapeDataString(value);
        var json = JsonEncodedText.Encode(value).ToString();
        var relaxed = JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString();
        plain.AddRange(
        [
            escaped, LowerHex(escaped, '%', 2), WebUtility.UrlEncode(value),
            json, LowerHex(json, 'u', 4), relaxed,
            json.Replace("/", "\\/", StringComparison.Ordinal),
        ]);

        var encoded = new List<string> { Convert.ToBase64String(Encoding.UTF8.GetBytes(TokenUser + ":" + value)) };
        foreach (var text in new[] { value, json, relaxed }.Distinct(StringComparer.Ordinal))
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            for (var alignment = 0; alignment < 3; alignment++)
            {
                var core = Base64Core(bytes, alignment);
                encoded.Add(core);
                encoded.Add(core.Replace('+', '-').Replace('/', '_'));
            }
        }

        return plain.Where(f => f.Length >= SecretRegistry.MinimumLength)
            .Concat(encoded.Where(f => f.Length >= MinimumEncodedLength))
            .Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// The base64 characters that depend on <paramref name="bytes"/> only, when they follow <paramref name="alignment"/>
    /// other bytes (mod 3) in an encoded stream: the characters shared with the neighbours' bits are dropped.
    /// </summary>
    private static string Base64Core(byte[] bytes, int alignment)
    {
        var encoded = Convert.ToBase64String([.. new byte[alignment], .. bytes]).TrimEnd('=');
        var skip = alignment switch { 0 => 0, 1 => 2, _ => 3 };
        var rest = (alignment + bytes.Length) % 3;
        var end = encoded.Length - (rest == 0 ? 0 : 1);
        return end > skip ? encoded[skip..end] : string.Empty;
    }

    private static string LowerHex(string text, char marker, int digits)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            result.Append(text[i]);
            if ((marker == '%' && text[i] == '%') || (marker == 'u' && text[i] == 'u' && i > 0 && text[i - 1] == '\\'))
            {
                for (var k = 1; k <= digits && i + k < text.Length; k++)
                {
                    result.Append(char.ToLowerInvariant(text[i + k]));
                }

                i += digits;
            }
        }

        return result.ToString();
    }
}
