using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Pipeline.Rehearsal.GitHub.Signing;

/// <summary>
/// GitHub's "web-flow" commit signing, with a key of this server's own: an RSA key published as an OpenPGP public
/// key (<see cref="PublicKey"/>) for <c>GitHub (web-flow commit signing) &lt;noreply@github.com&gt;</c>, and version 4
/// binary signatures over the commit object, so <c>git verify-commit</c> with that key says "Good signature".
/// </summary>
internal sealed class WebFlowSigner : IDisposable
{
    public const string UserId = "GitHub (web-flow commit signing) <noreply@github.com>";

    // Before any commit date a test clock may choose, so that gpg never sees a signature older than its key.
    private static readonly uint KeyCreated = 1_500_000_000;

    private readonly RSA _key = RSA.Create(2048);
    private readonly byte[] _publicKeyBody;
    private readonly byte[] _fingerprint;

    public WebFlowSigner()
    {
        var parameters = _key.ExportParameters(includePrivateParameters: false);
        _publicKeyBody = [4, .. OpenPgp.BigEndian32(KeyCreated), 1, .. OpenPgp.Mpi(parameters.Modulus!), .. OpenPgp.Mpi(parameters.Exponent!)];
        _fingerprint = SHA1.HashData(KeyMaterial());
        PublicKey = OpenPgp.Armor("PUBLIC KEY BLOCK", [.. OpenPgp.Packet(OpenPgp.PublicKeyTag, _publicKeyBody),
            .. OpenPgp.Packet(OpenPgp.UserIdTag, Encoding.UTF8.GetBytes(UserId)), .. SelfSignature()]);
    }

    /// <summary>The armored public key, to import with <c>gpg --import</c>.</summary>
    public string PublicKey { get; }

    /// <summary>An armored detached signature of <paramref name="payload"/> made at <paramref name="when"/>.</summary>
    public string Sign(byte[] payload, DateTimeOffset when)
    {
        var hashed = Subpackets((2, OpenPgp.BigEndian32((uint)Math.Max(when.ToUnixTimeSeconds(), KeyCreated))), (33, [4, .. _fingerprint]));
        return OpenPgp.Armor("SIGNATURE", SignaturePacket(0x00, payload, hashed));
    }

    /// <summary>Whether <paramref name="armored"/> is a signature of <paramref name="payload"/> by this server's key.</summary>
    public bool Verify(byte[] payload, string armored)
    {
        var packet = OpenPgp.Unarmor(armored);
        try
        {
            // Only the shape this signer writes: a new-format signature packet, v4, RSA, SHA-256.
            if (packet is not { Length: > 12 } || packet[0] != (0xC0 | OpenPgp.SignatureTag))
            {
                return false;
            }

            var offset = packet[1] < 192 ? 2 : packet[1] < 224 ? 3 : 6;
            var body = packet.AsSpan(offset);
            if (body[0] != 4 || body[2] != 1 || body[3] != 8)
            {
                return false;
            }

            var hashedLength = BinaryPrimitives.ReadUInt16BigEndian(body[4..]);
            var signed = body[..(6 + hashedLength)].ToArray();
            var at = 6 + hashedLength;
            at += 2 + BinaryPrimitives.ReadUInt16BigEndian(body[at..]) + 2;
            var signature = OpenPgp.ReadMpi(body, ref at);
            var digest = SHA256.HashData([.. payload, .. signed, .. Trailer(signed.Length)]);
            var size = _key.KeySize / 8;
            var padded = new byte[Math.Max(size, signature.Length)];
            signature.CopyTo(padded, padded.Length - signature.Length);
            return _key.VerifyHash(digest, padded, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    public void Dispose() => _key.Dispose();

    private byte[] KeyMaterial() => [0x99, (byte)(_publicKeyBody.Length >> 8), (byte)_publicKeyBody.Length, .. _publicKeyBody];

    /// <summary>The positive certification binding the user ID to the key (gpg imports no key without one).</summary>
    private byte[] SelfSignature()
    {
        var uid = Encoding.UTF8.GetBytes(UserId);
        var hashed = Subpackets((2, OpenPgp.BigEndian32(KeyCreated)), (27, [0x03]), (33, [4, .. _fingerprint]));
        return SignaturePacket(0x13, [.. KeyMaterial(), 0xB4, .. OpenPgp.BigEndian32((uint)uid.Length), .. uid], hashed);
    }

    private byte[] SignaturePacket(byte type, byte[] hashedData, byte[] hashedSubpackets)
    {
        byte[] signed = [4, type, 1, 8, (byte)(hashedSubpackets.Length >> 8), (byte)hashedSubpackets.Length, .. hashedSubpackets];
        var digest = SHA256.HashData([.. hashedData, .. signed, .. Trailer(signed.Length)]);
        var signature = _key.SignHash(digest, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var unhashed = Subpackets((16, _fingerprint[^8..]));
        return OpenPgp.Packet(OpenPgp.SignatureTag,
            [.. signed, (byte)(unhashed.Length >> 8), (byte)unhashed.Length, .. unhashed, digest[0], digest[1], .. OpenPgp.Mpi(signature)]);
    }

    private static byte[] Trailer(int signedLength) => [4, 0xFF, .. OpenPgp.BigEndian32((uint)signedLength)];

    private static byte[] Subpackets(params (byte Type, byte[] Data)[] subpackets) =>
        [.. subpackets.SelectMany(s => (byte[])[(byte)(s.Data.Length + 1), s.Type, .. s.Data])];
}
