namespace Pipeline.Processes;

/// <summary>
/// Passes lines on as they arrive, redacted. A line whose end could be the start of a secret is held until the
/// next line (or <see cref="Flush"/>) so that a secret a tool wrapped over two lines (<c>base64</c> wraps at 76
/// columns) is masked in both; the end of the line before is kept as context for the same reason.
/// Not thread-safe: one writer per stream.
/// </summary>
public sealed class RedactingLineWriter
{
    private readonly SecretRegistry _registry;
    private readonly Action<string> _sink;
    private string? _held;
    private string _context = string.Empty;

    /// <summary>Creates a writer that hands redacted lines to <paramref name="sink"/>.</summary>
    public RedactingLineWriter(Action<string> sink, SecretRegistry? registry = null)
    {
        _sink = sink;
        _registry = registry ?? SecretRegistry.Shared;
    }

    /// <summary>Takes one line (without its line break).</summary>
    public void WriteLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (_held is null && _registry.EndsWithStartOfSecret(line))
        {
            _held = line;
            return;
        }

        var text = _held is null ? line : _held + "\n" + line;
        _held = null;
        Emit(text);
    }

    /// <summary>Passes on a held line, if any: call when the stream ends.</summary>
    public void Flush()
    {
        if (_held is { } held)
        {
            _held = null;
            Emit(held);
        }
    }

    private void Emit(string text)
    {
        var redacted = _context.Length == 0 ? _registry.Redact(text) : _registry.Redact(_context + "\n" + text, _context.Length + 1);
        foreach (var line in redacted.Split('\n'))
        {
            _sink(line);
        }

        var last = text[(text.LastIndexOf('\n') + 1)..];
        var keep = Math.Max(0, _registry.LongestForm - 1);
        _context = last.Length > keep ? last[^keep..] : last;
    }
}
