using System.Buffers.Binary;

namespace Pipeline.Rehearsal.GitHub.Signing;

/// <summary>The few OpenPGP (RFC 4880) encodings a version 4 RSA key and signature need: packets, MPIs, armor.</summary>
internal static class OpenPgp
{
    public const byte PublicKeyTag = 6;
    public const byte UserIdTag = 13;
    public const byte SignatureTag = 2;

    /// <summary>A new-format packet: tag, length, body.</summary>
    public static byte[] Packet(byte tag, byte[] body)
    {
        var header = new List<byte> { (byte)(0xC0 | tag) };
        var length = body.Length;
        if (length < 192)
        {
            header.Add((byte)length);
        }
        else if (length < 8384)
        {
            header.Add((byte)(((length - 192) >> 8) + 192));
            header.Add((byte)((length - 192) & 0xFF));
        }
        else
        {
            header.Add(0xFF);
            header.AddRange(BigEndian32((uint)length));
        }

        return [.. header, .. body];
    }

    /// <summary>A multiprecision integer: bit count, then the big-endian bytes without leading zeros.</summary>
    public static byte[] Mpi(byte[] value)
    {
        var start = 0;
        while (start < value.Length - 1 && value[start] == 0)
        {
            start++;
        }

        var bytes = value[start..];
        var bits = (bytes.Length - 1) * 8 + (8 - byte.LeadingZeroCount(bytes[0]));
        return [(byte)(bits >> 8), (byte)bits, .. bytes];
    }

    /// <summary>Reads an MPI at <paramref name="offset"/>; returns its bytes and moves past it.</summary>
    public static byte[] ReadMpi(ReadOnlySpan<byte> data, ref int offset)
    {
        var bits = BinaryPrimitives.ReadUInt16BigEndian(data[offset..]);
        var length = (bits + 7) / 8;
        var value = data.Slice(offset + 2, length).ToArray();
        offset += 2 + length;
        return value;
    }

    public static byte[] BigEndian32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    /// <summary>ASCII armor with the CRC-24 checksum line.</summary>
    public static string Armor(string kind, byte[] data)
    {
        var text = new StringBuilder().Append("-----BEGIN PGP ").Append(kind).Append("-----\n\n");
        var base64 = Convert.ToBase64String(data);
        for (var i = 0; i < base64.Length; i += 64)
        {
            text.Append(base64, i, Math.Min(64, base64.Length - i)).Append('\n');
        }

        var crc = Crc24(data);
        text.Append('=').Append(Convert.ToBase64String([(byte)(crc >> 16), (byte)(crc >> 8), (byte)crc])).Append('\n');
        return text.Append("-----END PGP ").Append(kind).Append("-----\n").ToString();
    }

    /// <summary>The binary inside an armor block, or null when it is not one.</summary>
    public static byte[]? Unarmor(string armored)
    {
        var lines = armored.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        var body = lines.SkipWhile(l => !l.StartsWith("-----BEGIN PGP", StringComparison.Ordinal)).Skip(1)
            .SkipWhile(l => l.Length > 0 && l.Contains(':', StringComparison.Ordinal)).SkipWhile(l => l.Length == 0)
            .TakeWhile(l => !l.StartsWith('=') && !l.StartsWith("-----", StringComparison.Ordinal));
        try
        {
            return Convert.FromBase64String(string.Concat(body));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static uint Crc24(byte[] data)
    {
        uint crc = 0xB704CE;
        foreach (var b in data)
        {
            crc ^= (uint)b << 16;
            for (var i = 0; i < 8; i++)
            {
                crc <<= 1;
                if ((crc & 0x1000000) != 0)
                {
                    crc ^= 0x1864CFB;
                }
            }
        }

        return crc & 0xFFFFFF;
    }
}
