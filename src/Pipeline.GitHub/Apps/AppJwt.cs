using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Pipeline.GitHub.Apps;

/// <summary>
/// A GitHub App JWT: RS256, <c>iat</c> 60 s in the past (GitHub's advice against clock drift), <c>exp</c> at most
/// 10 minutes after <c>iat</c>, <c>iss</c> the App ID or client ID.
/// See https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/generating-a-json-web-token-jwt-for-a-github-app.
/// </summary>
internal static class AppJwt
{
    public static readonly TimeSpan Backdate = TimeSpan.FromSeconds(60);

    /// <summary>The whole lifetime, iat to exp; GitHub refuses more than 10 minutes.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private static readonly byte[] Header = Encoding.UTF8.GetBytes("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");

    public static (string Token, DateTimeOffset ExpiresAt) Create(RSA key, string issuer, DateTimeOffset now)
    {
        var issuedAt = now.ToUnixTimeSeconds() - (long)Backdate.TotalSeconds;
        var expiresAt = issuedAt + (long)Lifetime.TotalSeconds;
        using var payload = new MemoryStream();
        using (var writer = new Utf8JsonWriter(payload))
        {
            writer.WriteStartObject();
            writer.WriteNumber("iat", issuedAt);
            writer.WriteNumber("exp", expiresAt);
            writer.WriteString("iss", issuer);
            writer.WriteEndObject();
        }

        var signingInput = Base64Url.EncodeToString(Header) + "." + Base64Url.EncodeToString(payload.ToArray());
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return (signingInput + "." + Base64Url.EncodeToString(signature), DateTimeOffset.FromUnixTimeSeconds(expiresAt));
    }
}
