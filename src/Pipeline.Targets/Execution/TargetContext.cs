namespace Pipeline.Targets;

/// <summary>What a running target can use: cancellation, facts for the summary, and CI outputs.</summary>
public sealed class TargetContext
{
    private readonly List<KeyValuePair<string, string>> _facts = [];
    private readonly List<KeyValuePair<string, string>> _outputs = [];

    private readonly Func<PipelineBuild, IReadOnlyList<string>, IReadOnlyDictionary<string, string>?, Task<BuildOutcome>>? _runBuild;
    private readonly Action<Func<Task>>? _onFinished;

    internal TargetContext(
        string name,
        AbsolutePath rootDirectory,
        CancellationToken cancellationToken,
        Func<PipelineBuild, IReadOnlyList<string>, IReadOnlyDictionary<string, string>?, Task<BuildOutcome>>? runBuild = null,
        Action<Func<Task>>? onFinished = null)
    {
        _onFinished = onFinished;
        Name = name;
        RootDirectory = rootDirectory;
        CancellationToken = cancellationToken;
        _runBuild = runBuild;
    }

    /// <summary>The name of the running target.</summary>
    public string Name { get; }

    /// <summary>The root directory of the build.</summary>
    public AbsolutePath RootDirectory { get; }

    /// <summary>The parameters and profiles this build was given on its command line, for a target that runs a nested build with them.</summary>
    public CommandLineParameters CommandLine { get; internal init; } = CommandLineParameters.None;

    /// <summary>Cancelled when the user presses Ctrl-C or the process receives SIGTERM.</summary>
    public CancellationToken CancellationToken { get; }

    internal IReadOnlyList<KeyValuePair<string, string>> Facts => _facts;

    internal IReadOnlyList<KeyValuePair<string, string>> Outputs => _outputs;

    internal List<string> SummaryMarkdown { get; } = [];

    internal Action<string>? OnDoing { get; init; }

    /// <summary>
    /// Says what the target is doing now (<c>running Pipeline.Containers.Tests, 2 of 7 done</c>): shown in the status line
    /// at the bottom of a terminal, and in the "still running" line that CI output gets after 30 s without a line.
    /// </summary>
    public void Progress(string doing) => OnDoing?.Invoke(doing);

    /// <summary>Adds a fact shown next to the target in the summary table (for example the pushed digest).</summary>
    public void Report(string key, string value) => _facts.Add(new(key, value));

    /// <summary>Adds markdown to the build's summary; on GitHub Actions it goes to <c>$GITHUB_STEP_SUMMARY</c> after the table.</summary>
    public void AppendSummary(string markdown) => SummaryMarkdown.Add(markdown);

    /// <summary>
    /// Runs another invocation of a build inside this target, as <c>./build.sh</c> would with <paramref name="arguments"/>:
    /// same root, output and host, cancelled with this target. Environment variables are this build's, with
    /// <paramref name="environment"/> on top. Returns its outcome; a failure does not throw.
    /// </summary>
    public Task<BuildOutcome> RunBuildAsync(PipelineBuild build, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        _runBuild?.Invoke(build, arguments, environment) ?? throw new InvalidOperationException("This context cannot run builds.");

    /// <summary>
    /// Registers work for the end of the build, after every target, also after a failure or Ctrl-C: stopping a service
    /// this target started, for instance. Cleanups run in reverse order of registration; a failing one is a warning.
    /// </summary>
    public void OnBuildFinished(Func<Task> cleanup)
    {
        ArgumentNullException.ThrowIfNull(cleanup);
        (_onFinished ?? throw new InvalidOperationException("This context cannot register cleanups."))(cleanup);
    }

    /// <summary>Sets an output of the build; on GitHub Actions it is written to <c>$GITHUB_OUTPUT</c> (multi-line safe).</summary>
    public void SetOutput(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _outputs.Add(new(name, value));
    }
}
