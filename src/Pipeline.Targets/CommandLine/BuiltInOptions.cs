namespace Pipeline.Targets;

/// <summary>How much the build prints.</summary>
public enum Verbosity
{
    /// <summary>Errors and the final result only.</summary>
    Quiet,

    /// <summary>Warnings, errors, target headers and the summary.</summary>
    Minimal,

    /// <summary>Everything but debug output (the default).</summary>
    Normal,

    /// <summary>Everything, including debug output and stack traces.</summary>
    Verbose,
}

/// <summary>The engine's own options, which no parameter may shadow.</summary>
internal static class BuiltInOptions
{
    public static readonly IReadOnlyList<(string Option, string Help)> All =
    [
        ("--target", "Targets to run (also positional: ./build.sh Test Pack)."),
        ("--skip", "Skip the given targets; without names, skip every target that was not invoked."),
        ("--continue", "After a failure, skip the targets that succeeded in the previous identical invocation."),
        ("--plan", "Show the execution plan (text and Mermaid graph) and exit."),
        ("--help", "Show targets and parameters and exit."),
        ("--root", "Root directory of the build (default: the nearest directory above the current one that holds .nuke/)."),
        ("--verbosity", "Quiet, Minimal, Normal or Verbose."),
        ("--profile", "Parameter profiles to load: .nuke/parameters.<profile>.json (later wins)."),
    ];

    public static bool IsReserved(string name) => All.Any(o => Names.Normalize(o.Option) == Names.Normalize(name));
}
