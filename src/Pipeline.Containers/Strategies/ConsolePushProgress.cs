namespace Pipeline.Containers;

/// <summary>
/// Shows push progress: on a terminal one line per tag with a bar, redrawn in place; otherwise (CI logs) one line per
/// layer when it is pushed. Reports synchronously and is thread-safe.
/// </summary>
public sealed class ConsolePushProgress(TextWriter? writer = null, bool? interactive = null) : IProgress<PushProgress>
{
    private readonly TextWriter _writer = writer ?? Console.Out;
    private readonly bool _interactive = interactive ?? !Console.IsOutputRedirected;
    private readonly Dictionary<string, Dictionary<string, (long Current, long Total)>> _layers = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public void Report(PushProgress value)
    {
        lock (_gate)
        {
            var key = value.Reference.ToString();
            if (!_layers.TryGetValue(key, out var layers))
            {
                _layers[key] = layers = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
            }

            if (value.Layer is { } layer && value.Total is > 0)
            {
                layers[layer] = (value.Current ?? 0, value.Total.Value);
            }

            if (_interactive)
            {
                var current = layers.Values.Sum(l => l.Current);
                var total = Math.Max(1, layers.Values.Sum(l => l.Total));
                var filled = (int)(20 * Math.Min(current, total) / total);
                _writer.Write($"\r{key} [{new string('#', filled)}{new string(' ', 20 - filled)}] {current / 1024} / {total / 1024} KiB  ");
            }
            else if (value.Status is "Pushed" or "Layer already exists")
            {
                _writer.WriteLine($"{key}: {value.Layer} {value.Status.ToLowerInvariant()}");
            }
        }
    }
}
