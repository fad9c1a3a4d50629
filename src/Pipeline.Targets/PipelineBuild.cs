namespace Pipeline.Targets;

/// <summary>
/// The base class of a build. Declare targets as properties and parameters as fields or properties, implement
/// component interfaces for reusable targets, and start it from <c>Main</c>:
/// <code>public static int Main(string[] args) =&gt; Execute&lt;Build&gt;(args, x =&gt; x.Compile);</code>
/// </summary>
public abstract class PipelineBuild : IPipelineBuild
{
    private BuildSession? _session;

    /// <inheritdoc />
    public AbsolutePath RootDirectory => Session.Root;

    /// <inheritdoc />
    public AbsolutePath ArtifactsDirectory => RootDirectory / "artifacts";

    /// <inheritdoc />
    public AbsolutePath TemporaryDirectory => RootDirectory / ".nuke" / "temp";

    /// <inheritdoc />
    public HostKind Host => Session.Host;

    /// <inheritdoc />
    public bool IsServerBuild => Session.IsServerBuild;

    /// <inheritdoc />
    public bool IsLocalBuild => !IsServerBuild;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> EnvironmentVariables => Session.Environment;

    /// <inheritdoc />
    public T? TryGetValue<T>(string parameter = "") => Session.GetValue<T>(parameter);

    /// <inheritdoc />
    public string SourceOf(string parameter) => Session.SourceOf(parameter);

    /// <inheritdoc />
    public string Invocation => Session.Invocation;

    internal BuildSession Session => _session ?? throw new InvalidOperationException("The build is not running; start it through PipelineBuild.Execute.");

    internal void Attach(BuildSession session) => _session = session;

    /// <summary>Runs the build with the process's arguments, environment and console; returns the exit code.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="defaultTargets">Targets to run when none is given.</param>
    protected static int Execute<TBuild>(string[] args, params Func<TBuild, Target>[] defaultTargets)
        where TBuild : PipelineBuild, new()
    {
        var build = new TBuild();
        return Execute(build, args, DefaultTargetNames(build, defaultTargets));
    }

    /// <summary>
    /// Runs the build with the process's arguments, environment and console; returns the exit code. Name default
    /// targets of components with <c>nameof</c>: <c>Execute&lt;Build&gt;(args, nameof(ICompile.Compile))</c>.
    /// </summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="defaultTargets">Names of the targets to run when none is given.</param>
    protected static int Execute<TBuild>(string[] args, params string[] defaultTargets)
        where TBuild : PipelineBuild, new() => Execute(new TBuild(), args, defaultTargets);

    private static int Execute(PipelineBuild build, string[] args, IReadOnlyList<string> defaultTargets)
    {
        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // The first Ctrl-C aborts the running target and runs assured targets; a second one kills the process.
            if (cancellation.IsCancellationRequested)
            {
                return;
            }

            e.Cancel = true;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM,
            context =>
            {
                context.Cancel = true;
                cancellation.Cancel();
            });
        try
        {
            var invocation = new BuildInvocation(args)
            {
                DefaultTargets = defaultTargets,
                CancellationToken = cancellation.Token,
            };
            return BuildEngine.RunAsync(build, invocation).GetAwaiter().GetResult().ExitCode;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    internal static IReadOnlyList<string> DefaultTargetNames<TBuild>(TBuild build, Func<TBuild, Target>[] selectors) where TBuild : PipelineBuild =>
        selectors.Select(s => BuildEngine.NameOf(build, s(build))).ToList();
}
