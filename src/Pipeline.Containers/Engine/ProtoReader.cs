namespace Pipeline.Containers;

/// <summary>
/// A minimal reader of the protobuf wire format (varints and length-delimited fields), enough to decode
/// BuildKit's status messages without a protobuf dependency.
/// </summary>
internal ref struct ProtoReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    public readonly bool End => _position >= _data.Length;

    /// <summary>Reads the next field header; false at the end or on malformed input.</summary>
    public bool TryReadField(out int field, out int wireType)
    {
        field = 0;
        wireType = 0;
        if (End || !TryReadVarint(out var key))
        {
            return false;
        }

        field = (int)(key >> 3);
        wireType = (int)(key & 7);
        return true;
    }

    public bool TryReadVarint(out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 64 && _position < _data.Length; shift += 7)
        {
            var b = _data[_position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return true;
            }
        }

        return false;
    }

    public bool TryReadBytes(out ReadOnlySpan<byte> value)
    {
        value = default;
        if (!TryReadVarint(out var length) || length > (ulong)(_data.Length - _position))
        {
            return false;
        }

        value = _data.Slice(_position, (int)length);
        _position += (int)length;
        return true;
    }

    /// <summary>Skips a field of <paramref name="wireType"/>; false when the type is unknown or data ends.</summary>
    public bool TrySkip(int wireType)
    {
        switch (wireType)
        {
            case 0:
                return TryReadVarint(out _);
            case 1:
                _position += 8;
                return _position <= _data.Length;
            case 2:
                return TryReadBytes(out _);
            case 5:
                _position += 4;
                return _position <= _data.Length;
            default:
                return false;
        }
    }
}
