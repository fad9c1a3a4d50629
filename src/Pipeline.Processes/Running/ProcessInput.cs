using System.Text;

namespace Pipeline.Processes;

/// <summary>What a process reads on stdin: bytes, text or a stream that is copied as it is read.</summary>
public sealed class ProcessInput
{
    private ProcessInput(byte[]? bytes, Stream? stream)
    {
        Bytes = bytes;
        Stream = stream;
    }

    internal byte[]? Bytes { get; }

    internal Stream? Stream { get; }

    /// <summary>These bytes, then end of input.</summary>
    public static ProcessInput FromBytes(byte[] bytes) => new(bytes ?? throw new ArgumentNullException(nameof(bytes)), null);

    /// <summary>This text as UTF-8, then end of input.</summary>
    public static ProcessInput FromText(string text) => FromBytes(Encoding.UTF8.GetBytes(text));

    /// <summary>Whatever <paramref name="stream"/> yields, copied while the process runs (a request body to a CGI program).</summary>
    public static ProcessInput FromStream(Stream stream) => new(null, stream ?? throw new ArgumentNullException(nameof(stream)));

    /// <summary>Describes the input without its content.</summary>
    public override string ToString() => Bytes is { } bytes ? $"{bytes.Length} bytes" : "a stream";
}
