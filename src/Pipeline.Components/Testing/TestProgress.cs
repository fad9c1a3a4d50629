using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>
/// Progress of the test projects: which started and finished, with their counts, so that a run of many minutes says
/// where it is (in the status line on a terminal, and in a line per started and finished project).
/// </summary>
internal sealed class TestProgress(TargetContext context)
{
    private readonly List<string> _running = [];
    private readonly List<string> _finished = [];

    /// <summary>A test project started: a line, and the status line.</summary>
    public void Started(string project)
    {
        lock (_running)
        {
            if (_running.Contains(project) || _finished.Contains(project))
            {
                return;
            }

            _running.Add(project);
            Log.Information($"{project}: started");
            context.Progress(Summary());
        }
    }

    /// <summary>A test project finished: a line with its counts and what still runs.</summary>
    public void Finished(string project, TestCounts counts, TimeSpan duration)
    {
        lock (_running)
        {
            _running.Remove(project);
            _finished.Add(project);
            Log.Information($"{project}: {counts.Passed} passed, {counts.Failed} failed, {counts.Skipped} skipped in {Format(duration)}; {Summary()}");
            context.Progress(Summary());
        }
    }

    /// <summary>As <c>dotnet test</c> writes durations: <c>41 s</c>, <c>3 m 32 s</c>.</summary>
    private static string Format(TimeSpan duration) =>
        duration.TotalMinutes >= 1 ? $"{(int)duration.TotalMinutes} m {duration.Seconds} s" : $"{Math.Max(1, (int)Math.Round(duration.TotalSeconds))} s";

    /// <summary><c>2 test projects finished, running Pipeline.Containers.Tests, Pipeline.EndToEnd</c>.</summary>
    private string Summary() =>
        $"{_finished.Count} test project(s) finished" + (_running.Count > 0 ? $", running {string.Join(", ", _running)}" : "");
}
