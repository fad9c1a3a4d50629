using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Pipeline.Rehearsal.Tests.GitHub.Support;

/// <summary>Builds GitHub App JWTs (RS256) with chosen claims, including broken ones.</summary>
public static class TestJwt
{
    public static string Create(RSA key, object issuer, DateTimeOffset issuedAt, DateTimeOffset expiresAt, string algorithm = "RS256") =>
        Create(key, new Dictionary<string, object?>
        {
            ["iat"] = issuedAt.ToUnixTimeSeconds(),
            ["exp"] = expiresAt.ToUnixTimeSeconds(),
            ["iss"] = issuer,
        }, algorithm);

    public static string Create(RSA key, IReadOnlyDictionary<string, object?> claims, string algorithm = "RS256")
    {
        var header = Encode(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["alg"] = algorithm, ["typ"] = "JWT" }));
        var payload = Encode(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = key.SignData(Encoding.ASCII.GetBytes(header + "." + payload), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return header + "." + payload + "." + Encode(signature);
    }

    /// <summary>A valid JWT the way GitHub recommends: issued 60 s ago, expiring in 9 minutes.</summary>
    public static string Valid(RSA key, long appId, DateTimeOffset now) =>
        Create(key, appId, now.AddSeconds(-60), now.AddMinutes(9));

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
