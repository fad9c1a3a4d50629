namespace Pipeline.Targets;

/// <summary>How to run a build: its arguments and its surroundings. Tests and hosts set what differs from the process.</summary>
/// <param name="Arguments">The command-line arguments.</param>
public sealed record BuildInvocation(IReadOnlyList<string> Arguments)
{
    /// <summary>Environment variables; null reads the process environment.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>Where output goes; null writes to the console.</summary>
    public TextWriter? Output { get; init; }

    /// <summary>The directory the root is searched from; null is the current directory.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Whether output is an interactive terminal; null asks the console.</summary>
    public bool? IsTerminal { get; init; }

    /// <summary>How users start this build, for help and messages: <c>./build.sh</c>, or a tool's command name.</summary>
    public string Command { get; init; } = "./build.sh";

    /// <summary>Whether a local run keeps <c>.nuke/build.schema.json</c> and the workflow files up to date (a build does; a tool run in someone's repository does not).</summary>
    public bool UpdatesGeneratedFiles { get; init; } = true;

    /// <summary>Targets to run when none is given.</summary>
    public IReadOnlyList<string> DefaultTargets { get; init; } = [];

    /// <summary>
    /// How long output that is not a terminal (CI, a log file) may stay silent while a target runs before a line says what
    /// is still running. On a terminal a status line is redrawn every second instead.
    /// </summary>
    public TimeSpan QuietInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Cancels the build (as Ctrl-C does): the running target is aborted, assured targets still run.</summary>
    public CancellationToken CancellationToken { get; init; }

    internal IReadOnlyDictionary<string, string> ResolveEnvironment() =>
        Environment ?? System.Environment.GetEnvironmentVariables()
            .Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "", StringComparer.Ordinal);
}
