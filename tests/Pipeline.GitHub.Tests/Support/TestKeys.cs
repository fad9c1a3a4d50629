namespace Pipeline.GitHub.Tests.Support;

/// <summary>
/// A 2048-bit RSA key made for these tests only (openssl genrsa -traditional 2048), in PKCS#1 and PKCS#8 form,
/// and a JWT for it computed by openssl, not by this package:
/// <code>
/// b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
/// h=$(printf '%s' '{"alg":"RS256","typ":"JWT"}' | b64url)
/// p=$(printf '%s' '{"iat":1704067140,"exp":1704067740,"iss":"123456"}' | b64url)
/// s=$(printf '%s' "$h.$p" | openssl dgst -sha256 -sign app-key-pkcs1.pem | b64url)
/// </code>
/// </summary>
public static class TestKeys
{
    public static readonly DateTimeOffset VectorClock = DateTimeOffset.FromUnixTimeSeconds(1704067200);

    public const string VectorIssuer = "123456";

    public static string Pkcs1 => Read("app-key-pkcs1.pem");

    public static string Pkcs8 => Read("app-key-pkcs8.pem");

    public static string PublicKey => Read("app-key-public.pem");

    public static string VectorJwt => Read("app-jwt-123456-at-1704067200.txt").Trim();

    private static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", name));
}
