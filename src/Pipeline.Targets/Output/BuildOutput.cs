namespace Pipeline.Targets;

/// <summary>A warning or error kept to be repeated before the summary.</summary>
internal sealed record Diagnostic(LogLevel Level, string? Target, string Message);

/// <summary>
/// The build's output: redacts secrets, filters by verbosity, colours on a terminal, and speaks
/// GitHub Actions workflow commands (groups, masks, annotations) when running there.
/// </summary>
internal sealed class BuildOutput
{
    private const string Reset = "\u001b[0m";
    private readonly TextWriter _writer;
    private readonly object _gate = new();
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly LiveLine _live;
    private LiveLine.Activity? _activity;

    public BuildOutput(TextWriter writer, HostKind host, bool colors, Verbosity verbosity, TimeSpan? quiet = null)
    {
        _writer = writer;
        _live = LiveLine.For(writer, host, quiet ?? TimeSpan.FromSeconds(30));
        Host = host;
        Colors = colors && host == HostKind.Terminal;
        Verbosity = verbosity;
    }

    public HostKind Host { get; }
    public TextWriter Writer => _writer;
    public bool Colors { get; }
    public Verbosity Verbosity { get; set; }
    public string? CurrentTarget { get; set; }
    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    /// <summary>Secrets shorter than this are not masked: replacing every '-' or 'a' would wreck the output, and hide nothing.</summary>
    public const int MinimumSecretLength = SecretRegistry.MinimumLength;

    /// <summary>Registers secret values with the process's registry; on GitHub Actions each line is masked with <c>::add-mask::</c> right away.</summary>
    public void Mask(IEnumerable<string> secrets)
    {
        lock (_gate)
        {
            foreach (var secret in secrets.Where(s => s.Length >= MinimumSecretLength).Distinct())
            {
                SecretRegistry.Shared.Add(secret);
                if (Host == HostKind.GitHubActions)
                {
                    foreach (var line in secret.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0))
                    {
                        _live.WriteLine("::add-mask::" + line);
                    }
                }
            }
        }
    }

    /// <summary>Every form of every secret of this process (parameters, masked values, every <see cref="Secret"/>) redacted.</summary>
    public string Redact(string text) => SecretRegistry.Shared.Redact(text);

    public void Write(LogLevel level, string message)
    {
        lock (_gate)
        {
            var text = Redact(message);
            if (level >= LogLevel.Warning)
            {
                _diagnostics.Add(new Diagnostic(level, CurrentTarget, text));
            }

            if (!IsVisible(level))
            {
                return;
            }

            if (Host == HostKind.GitHubActions && level >= LogLevel.Warning)
            {
                var command = level == LogLevel.Error ? "error" : "warning";
                var title = CurrentTarget is null ? "" : $" title={WorkflowCommands.EscapeProperty(CurrentTarget)}";
                _live.WriteLine($"::{command}{title}::{WorkflowCommands.EscapeData(text)}");
                return;
            }
            // Continuation lines line up under the first one instead of repeating "error: ".
            var prefix = Prefix(level);
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                _live.WriteLine(Paint(level, (i == 0 ? prefix : new string(' ', prefix.Length)) + lines[i].TrimEnd('\r')));
            }
        }
    }

    /// <summary>Writes text that is not a log line (headers, tables), unfiltered but still redacted.</summary>
    public void Raw(string text, string? color = null)
    {
        lock (_gate)
        {
            var redacted = Redact(text);
            _live.WriteLine(Colors && color != null ? color + redacted + Reset : redacted);
        }
    }

    /// <summary>What the running target is doing now, for the status line (terminal) or the next "still running" line.</summary>
    public void Doing(string text)
    {
        lock (_gate)
        {
            if (_activity is { } activity)
            {
                activity.Doing = Redact(text);
            }
        }
    }

    public void BeginTarget(string name)
    {
        CurrentTarget = name;
        _activity = _live.Begin(name);
        if (Verbosity == Verbosity.Quiet)
        {
            return;
        }

        if (Host == HostKind.GitHubActions)
        {
            Raw("::group::" + WorkflowCommands.EscapeData(name));
        }
        else
        {
            Raw("");
            Raw($"── {name} " + new string('─', Math.Max(3, 60 - name.Length)), "\u001b[1;36m");
        }
    }

    public void EndTarget()
    {
        if (_activity is { } activity)
        {
            _live.End(activity);
        }

        _activity = null;
        if (Verbosity != Verbosity.Quiet && Host == HostKind.GitHubActions)
        {
            Raw("::endgroup::");
        }

        CurrentTarget = null;
    }

    public void Flush() => _writer.Flush();

    private bool IsVisible(LogLevel level) => Verbosity switch
    {
        Verbosity.Quiet => level >= LogLevel.Error,
        Verbosity.Minimal => level >= LogLevel.Warning,
        Verbosity.Normal => level >= LogLevel.Information,
        _ => true,
    };

    private string Prefix(LogLevel level) => Host == HostKind.Terminal ? "" : level switch
    {
        LogLevel.Warning => "warning: ",
        LogLevel.Error => "error: ",
        _ => "",
    };

    private string Paint(LogLevel level, string line)
    {
        if (!Colors)
        {
            return line;
        }

        var color = level switch
        {
            LogLevel.Debug => "\u001b[90m",
            LogLevel.Warning => "\u001b[33m",
            LogLevel.Error => "\u001b[31m",
            _ => null,
        };
        return color is null ? line : color + line + Reset;
    }
}
