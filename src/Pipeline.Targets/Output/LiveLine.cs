using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Pipeline.Targets;

/// <summary>
/// Keeps a build from going silent. On a terminal, while a target runs, a status line at the bottom says which target,
/// for how long and what it is doing now, redrawn every second and wiped before the next log line; elsewhere (CI, a
/// redirected log) a plain "still running" line follows 30 s without output. One per writer, shared by nested builds
/// (a rehearsal's inner Promote), so that only the innermost running target speaks and every line is counted.
/// </summary>
internal sealed class LiveLine
{
    private static readonly ConditionalWeakTable<TextWriter, LiveLine> ByWriter = [];
    private readonly TextWriter _writer;
    private readonly bool _terminal;
    private readonly List<Activity> _active = [];
    private readonly Stopwatch _sinceOutput = Stopwatch.StartNew();
    private Timer? _timer;

    private int _statusWidth;

    private readonly TimeSpan _quiet;

    private LiveLine(TextWriter writer, bool terminal, TimeSpan quiet)
    {
        _writer = writer;
        _terminal = terminal;
        _quiet = quiet;
    }

    /// <summary>The lock every line to this writer is written under.</summary>
    public object Gate { get; } = new();

    /// <param name="writer">The output.</param>
    /// <param name="host">Where it goes: a terminal gets the status line.</param>
    /// <param name="quiet">Elsewhere, the silence after which a line says what is still running.</param>
    public static LiveLine For(TextWriter writer, HostKind host, TimeSpan quiet) =>
        ByWriter.GetValue(writer, w => new LiveLine(w, host == HostKind.Terminal, quiet));

    /// <summary>Writes a line of the log, wiping the status line first.</summary>
    public void WriteLine(string line)
    {
        lock (Gate)
        {
            Wipe();
            _writer.WriteLine(line);
            _sinceOutput.Restart();
        }
    }

    /// <summary>A target starts: until it ends, it is what the status line describes.</summary>
    public Activity Begin(string target)
    {
        var activity = new Activity(target);
        lock (Gate)
        {
            _active.Add(activity);
            _timer ??= new Timer(_ => Tick(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        }
        return activity;
    }

    public void End(Activity activity)
    {
        lock (Gate)
        {
            _active.Remove(activity);
            Wipe();
            if (_active.Count == 0)
            {
                _timer?.Dispose();
                _timer = null;
            }
        }
    }

    private void Tick()
    {
        lock (Gate)
        {
            if (_active.Count == 0)
            {
                return;
            }

            var text = _active[^1].Describe();
            if (_terminal)
            {
                if (_sinceOutput.Elapsed < TimeSpan.FromSeconds(1))
                {
                    return;
                }

                var line = "  … " + text;
                var width = Width();
                line = line.Length > width ? line[..(width - 1)] + "…" : line;
                _writer.Write("\r\u001b[2K\u001b[2m" + line + "\u001b[0m");
                _writer.Flush();
                _statusWidth = line.Length;
            }
            else if (_sinceOutput.Elapsed >= _quiet)
            {
                _writer.WriteLine("  … " + text);
                _writer.Flush();
                _sinceOutput.Restart();
            }
        }
    }

    private static int Width()
    {
        try
        {
            return Console.IsOutputRedirected ? 120 : Math.Max(20, Console.WindowWidth - 1);
        }
        catch (IOException)
        {
            return 120;
        }
    }

    private void Wipe()
    {
        if (_statusWidth == 0)
        {
            return;
        }

        _writer.Write("\r\u001b[2K");
        _statusWidth = 0;
    }

    /// <summary>A running target and what it last said it is doing.</summary>
    internal sealed class Activity(string target)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public string? Doing { get; set; }

        public string Describe() =>
            $"{target} running for {Report.Format(_clock.Elapsed)}" + (Doing is { Length: > 0 } doing ? $": {doing}" : "");
    }
}
