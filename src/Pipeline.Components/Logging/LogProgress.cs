using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>Reports of a library, written to the build log as they arrive (in order, on the caller's thread).</summary>
internal sealed class LogProgress : IProgress<string>
{
    public static LogProgress Instance { get; } = new();

    public void Report(string value) => Log.Information(value);
}
