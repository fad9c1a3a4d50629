using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Pipeline.Containers;

/// <summary>
/// A content digest such as <c>sha256:&lt;64 lower-case hex&gt;</c>: the immutable identity of a manifest,
/// an index or a blob. Only the algorithms registered by the OCI image spec are accepted
/// (<c>sha256</c> with 64 hex digits, <c>sha512</c> with 128).
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(DigestJsonConverter))]
public sealed record Digest
{
    private Digest(string algorithm, string hex)
    {
        Algorithm = algorithm;
        Hex = hex;
    }

    /// <summary>The algorithm, <c>sha256</c> or <c>sha512</c>.</summary>
    public string Algorithm { get; }

    /// <summary>The lower-case hexadecimal encoding of the hash.</summary>
    public string Hex { get; }

    /// <summary>Parses <c>algorithm:hex</c>; throws <see cref="InvalidImageReferenceException"/> saying what is wrong.</summary>
    public static Digest Parse(string value) =>
        TryParse(value, out var digest, out var error) ? digest : throw new InvalidImageReferenceException(value, error);

    /// <summary>Parses <c>algorithm:hex</c>; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(
        string? value,
        [NotNullWhen(true)] out Digest? digest,
        [NotNullWhen(false)] out string? error)
    {
        digest = null;
        error = Validate(value);
        if (error is not null)
        {
            return false;
        }

        var colon = value!.IndexOf(':', StringComparison.Ordinal);
        digest = new Digest(value[..colon], value[(colon + 1)..]);
        return true;
    }

    /// <summary>True when <paramref name="value"/> is a valid digest.</summary>
    public static bool IsValid(string? value) => Validate(value) is null;

    /// <summary>Returns null when <paramref name="value"/> is a valid digest, otherwise what is wrong with it.</summary>
    public static string? Validate(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "a digest is empty; expected 'sha256:' followed by 64 lower-case hex digits";
        }

        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return $"digest '{value}' has no algorithm; expected 'sha256:' followed by 64 lower-case hex digits";
        }

        var algorithm = value[..colon];
        var hex = value[(colon + 1)..];
        var expectedLength = algorithm switch
        {
            "sha256" => 64,
            "sha512" => 128,
            _ => 0,
        };
        if (expectedLength == 0)
        {
            return $"digest algorithm '{algorithm}' is not supported; use sha256 (or sha512)";
        }

        if (hex.Length != expectedLength)
        {
            return $"{algorithm} digest has {hex.Length} hex digits; expected {expectedLength}";
        }

        foreach (var c in hex)
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
            {
                return char.IsAsciiHexDigitUpper(c)
                    ? $"digest '{value}' contains upper-case hex; digests are lower case"
                    : $"digest '{value}' contains '{c}', which is not a hex digit";
            }
        }

        return null;
    }

    /// <summary>The SHA-256 digest of <paramref name="content"/>.</summary>
    public static Digest Compute(ReadOnlySpan<byte> content) =>
        new("sha256", Convert.ToHexStringLower(SHA256.HashData(content)));

    /// <summary>True when <paramref name="content"/> hashes to this digest.</summary>
    public bool Matches(ReadOnlySpan<byte> content)
    {
        var actual = Algorithm == "sha512" ? SHA512.HashData(content) : SHA256.HashData(content);
        return string.Equals(Convert.ToHexStringLower(actual), Hex, StringComparison.Ordinal);
    }

    /// <summary>The first 12 hex digits, as short digests are usually shown.</summary>
    public string Short => Hex[..12];

    /// <summary>Formats the digest as <c>algorithm:hex</c>.</summary>
    public override string ToString() => $"{Algorithm}:{Hex}";
}
