using System.Text;

namespace Pipeline.Containers;

/// <summary>
/// Decodes the <c>moby.buildkit.trace</c> messages of a BuildKit build over the Engine API: base64 of a
/// <c>moby.buildkit.v1.StatusResponse</c> protobuf with vertexes (steps: name, error) and their logs.
/// See https://github.com/moby/buildkit/blob/master/api/services/control/control.proto.
/// </summary>
internal static class BuildKitStatus
{
    public static void Decode(string base64, BuildOutput output)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return;
        }

        var reader = new ProtoReader(bytes);
        while (reader.TryReadField(out var field, out var wireType))
        {
            if (wireType != 2)
            {
                if (!reader.TrySkip(wireType))
                {
                    return;
                }

                continue;
            }

            if (!reader.TryReadBytes(out var message))
            {
                return;
            }

            switch (field)
            {
                case 1:
                    DecodeVertex(message, output);
                    break;
                case 3:
                    DecodeLog(message, output);
                    break;
            }
        }
    }

    private static void DecodeVertex(ReadOnlySpan<byte> message, BuildOutput output)
    {
        string? digest = null, name = null, error = null;
        var reader = new ProtoReader(message);
        while (reader.TryReadField(out var field, out var wireType))
        {
            if (wireType == 2 && field is 1 or 3 or 7 && reader.TryReadBytes(out var text))
            {
                var value = Encoding.UTF8.GetString(text);
                _ = field switch { 1 => digest = value, 3 => name = value, _ => error = value };
            }
            else if (!reader.TrySkip(wireType))
            {
                return;
            }
        }

        if (digest is not null)
        {
            output.OnVertex(digest, name, error);
        }
    }

    private static void DecodeLog(ReadOnlySpan<byte> message, BuildOutput output)
    {
        string? vertex = null;
        var data = ReadOnlySpan<byte>.Empty;
        var reader = new ProtoReader(message);
        while (reader.TryReadField(out var field, out var wireType))
        {
            if (wireType == 2 && field is 1 or 4 && reader.TryReadBytes(out var bytes))
            {
                if (field == 1)
                {
                    vertex = Encoding.UTF8.GetString(bytes);
                }
                else
                {
                    data = bytes;
                }
            }
            else if (!reader.TrySkip(wireType))
            {
                return;
            }
        }

        if (vertex is not null)
        {
            output.OnLog(vertex, Encoding.UTF8.GetString(data));
        }
    }
}
