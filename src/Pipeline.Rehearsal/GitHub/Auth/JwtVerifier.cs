using System.Security.Cryptography;

namespace Pipeline.Rehearsal.GitHub.Auth;

/// <summary>Verifies a GitHub App JWT as GitHub does: RS256 signature, <c>iat</c> in the past, <c>exp</c> at most ten minutes ahead.</summary>
internal static class JwtVerifier
{
    public const string Undecodable = "A JSON web token could not be decoded";
    public const string ExpInvalid =
        "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires";
    public const string ExpTooFar = "'Expiration time' claim ('exp') is too far in the future";
    public const string IatInvalid = "'Issued at' claim ('iat') must be an Integer representing a time in the past";
    public const string IssInvalid = "'Issuer' claim ('iss') must be an Integer";

    public static bool LooksLikeJwt(string token) =>
        token.StartsWith("eyJ", StringComparison.Ordinal) && token.Count(c => c == '.') == 2;

    public static AppState Verify(string token, Func<string, AppState?> findApp, DateTimeOffset now)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || Parse(parts[0]) is not { } header || Parse(parts[1]) is not { } payload)
        {
            throw Unauthorized(Undecodable);
        }

        if (!header.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String || alg.GetString() != "RS256")
        {
            throw Unauthorized(Undecodable);
        }

        var issuer = payload.TryGetProperty("iss", out var iss)
            ? iss.ValueKind switch
            {
                JsonValueKind.Number => iss.GetRawText(),
                JsonValueKind.String => iss.GetString(),
                _ => null,
            }
            : null;
        if (string.IsNullOrEmpty(issuer))
        {
            throw Unauthorized(IssInvalid);
        }

        var app = findApp(issuer) ?? throw Unauthorized(Undecodable);
        var signature = Base64Url(parts[2]);
        var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        if (signature is null
            || !app.PublicKey.VerifyData(signed, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            throw Unauthorized(Undecodable);
        }

        var seconds = now.ToUnixTimeSeconds();
        if (!payload.TryGetProperty("iat", out var iat) || !iat.TryGetInt64(out var issuedAt) || issuedAt > seconds)
        {
            throw Unauthorized(IatInvalid);
        }

        if (!payload.TryGetProperty("exp", out var exp) || !exp.TryGetInt64(out var expires) || expires <= seconds)
        {
            throw Unauthorized(ExpInvalid);
        }

        if (expires > seconds + 600)
        {
            throw Unauthorized(ExpTooFar);
        }

        return app;
    }

    private static ApiErrorException Unauthorized(string message) => new(401, message);

    private static JsonElement? Parse(string segment)
    {
        var bytes = Base64Url(segment);
        if (bytes is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static byte[]? Base64Url(string segment)
    {
        var text = segment.Replace('-', '+').Replace('_', '/');
        text = text.PadRight(text.Length + (4 - text.Length % 4) % 4, '=');
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
