using System.Text;

namespace Pipeline.Containers;

/// <summary>
/// Collects what a build prints: step names and their logs (BuildKit) or the plain stream (classic builder).
/// Passes each line on as it arrives and keeps the end of each step's output for the error of a failed build.
/// </summary>
internal sealed class BuildOutput(Platform? platform, IProgress<string>? lines)
{
    private const int MaxKeptChars = 16_000;
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StringBuilder> _logs = new(StringComparer.Ordinal);
    private readonly StringBuilder _stream = new();
    private readonly string _prefix = platform is null ? string.Empty : $"[{platform}] ";

    /// <summary>The name of the step that failed, when BuildKit reported one.</summary>
    public string? FailedStep { get; private set; }

    /// <summary>The image ID announced at the end of the build.</summary>
    public string? ImageId { get; set; }

    /// <summary>The end of the output most useful for a failure: the failed step's log, else the whole stream.</summary>
    public string FailureOutput()
    {
        if (FailedStep is not null)
        {
            var digest = _names.FirstOrDefault(pair => pair.Value == FailedStep).Key;
            if (digest is not null && _logs.TryGetValue(digest, out var log))
            {
                return log.ToString();
            }
        }

        return _stream.ToString();
    }

    public void OnVertex(string digest, string? name, string? error)
    {
        if (name is not null && _names.TryAdd(digest, name))
        {
            Emit(name);
        }

        if (!string.IsNullOrEmpty(error))
        {
            FailedStep ??= _names.GetValueOrDefault(digest, digest);
        }
    }

    public void OnLog(string vertex, string text)
    {
        if (!_logs.TryGetValue(vertex, out var log))
        {
            _logs[vertex] = log = new StringBuilder();
        }

        Append(log, text);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Emit("  " + line.TrimEnd('\r'));
        }
    }

    public void OnStream(string text)
    {
        Append(_stream, text);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Emit(line.TrimEnd('\r'));
        }
    }

    private void Emit(string line) => lines?.Report(_prefix + SecretRegistry.Shared.Redact(line));

    private static void Append(StringBuilder builder, string text)
    {
        builder.Append(text);
        if (builder.Length > MaxKeptChars)
        {
            builder.Remove(0, builder.Length - MaxKeptChars);
        }
    }
}
