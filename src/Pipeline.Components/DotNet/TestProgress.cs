using System.Text.RegularExpressions;
using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>
/// Follows <c>dotnet test</c>'s output for progress: which test projects started and finished, with their counts, so
/// that a run of many minutes says where it is (in the status line on a terminal, and in a line per finished project).
/// </summary>
internal sealed partial class TestProgress(TargetContext context)
{
    private readonly List<string> _running = [];
    private readonly List<string> _finished = [];

    public void Observe(string line)
    {
        lock (_running)
        {
            if (Started().Match(line) is { Success: true } start)
            {
                var project = Path.GetFileNameWithoutExtension(start.Groups["dll"].Value.Trim());
                if (!_running.Contains(project) && !_finished.Contains(project))
                    _running.Add(project);
            }
            else if (Finished().Match(line) is { Success: true } end)
            {
                var project = Path.GetFileNameWithoutExtension(end.Groups["dll"].Value.Trim());
                _running.Remove(project);
                _finished.Add(project);
                Log.Information($"{project}: {end.Groups["passed"].Value} passed, {end.Groups["failed"].Value} failed, {end.Groups["skipped"].Value} skipped " +
                    $"in {end.Groups["duration"].Value.Trim()}; {Summary()}");
            }
            else
                return;
            context.Progress(Summary());
        }
    }

    /// <summary><c>2 test projects finished, running Pipeline.Containers.Tests, Pipeline.EndToEnd</c>.</summary>
    private string Summary() =>
        $"{_finished.Count} test project(s) finished" + (_running.Count > 0 ? $", running {string.Join(", ", _running)}" : "");

    [GeneratedRegex(@"^Test run for (?<dll>.+?\.dll)\b")]
    private static partial Regex Started();

    [GeneratedRegex(@"^\s*(Passed|Failed)!\s+-\s+Failed:\s*(?<failed>\d+),\s*Passed:\s*(?<passed>\d+),\s*Skipped:\s*(?<skipped>\d+),\s*Total:\s*\d+,\s*Duration:\s*(?<duration>[^-]+?)\s+-\s+(?<dll>\S+\.dll)")]
    private static partial Regex Finished();
}
