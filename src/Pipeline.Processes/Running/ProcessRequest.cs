namespace Pipeline.Processes;

/// <summary>A tool to run: immutable, adjusted with <c>with</c>.</summary>
/// <param name="Program">The executable, a path or a name looked up on PATH.</param>
/// <param name="Arguments">The arguments, passed as a list without a shell: spaces and quotes need no escaping.</param>
public sealed record ProcessRequest(string Program, IReadOnlyList<string> Arguments)
{
    /// <summary>The working directory; null is the current directory.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Environment variables to set for the process; a null value removes an inherited variable.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>What the process reads on stdin; null closes stdin at once.</summary>
    public ProcessInput? Input { get; init; }

    /// <summary>Receives each line of stdout and stderr as it arrives, redacted; null passes nothing on.</summary>
    public Action<string>? Output { get; init; }

    /// <summary>Whether the command line (redacted) is passed to <see cref="Output"/> first, as <c>$ program args</c>.</summary>
    public bool EchoCommandLine { get; init; }

    /// <summary>
    /// Reads stdout as a stream while the process runs (a CGI answer relayed to an HTTP response); stdout is then
    /// neither captured nor passed to <see cref="Output"/>.
    /// </summary>
    public Func<Stream, CancellationToken, Task>? ReadStandardOutput { get; init; }

    /// <summary>How long the process may run; past it the process and every process it started are killed.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Whether an exit code outside <see cref="AcceptedExitCodes"/> throws <see cref="ProcessException"/>.</summary>
    public bool ThrowOnFailure { get; init; } = true;

    /// <summary>The exit codes that are answers, not failures (<c>git merge-base --is-ancestor</c> answers with 1).</summary>
    public IReadOnlyCollection<int> AcceptedExitCodes { get; init; } = [0];

    /// <summary>What to do when the tool fails, said in the exception message; null says to read its error output.</summary>
    public string? Fix { get; init; }

    /// <summary>How the command line is shown when it must differ from the arguments; redacted all the same.</summary>
    public string? ShownAs { get; init; }

    /// <summary>How many lines of stderr the exception keeps.</summary>
    public int TailLines { get; init; } = 20;

    /// <summary>The command line as it would be typed in a POSIX shell, every known secret redacted.</summary>
    public string CommandLine => SecretRegistry.Shared.Redact(ShownAs ?? CommandLineText.Join(Program, Arguments));

    /// <summary>A request with <paramref name="name"/> set to <paramref name="value"/> (null removes it) in the environment.</summary>
    public ProcessRequest WithEnvironment(string name, string? value) =>
        this with { Environment = new Dictionary<string, string?>(Environment) { [name] = value } };

    /// <summary>A request whose exit codes <paramref name="codes"/> are answers, not failures.</summary>
    public ProcessRequest Accepting(params int[] codes) => this with { AcceptedExitCodes = codes };
}
