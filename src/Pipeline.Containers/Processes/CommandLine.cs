namespace Pipeline.Containers;

/// <summary>
/// A program and its arguments, some of which may be secret. <see cref="ToString"/> is the command line as it may be
/// echoed: every secret argument (or secret part of one) shows as <c>***</c>.
/// </summary>
public sealed record CommandLine
{
    private readonly List<(string Text, string Echo)> _arguments;

    /// <summary>Creates a command line for <paramref name="program"/>.</summary>
    public CommandLine(string program)
    {
        Program = program;
        _arguments = [];
    }

    private CommandLine(string program, List<(string Text, string Echo)> arguments)
    {
        Program = program;
        _arguments = arguments;
    }

    /// <summary>The program to run.</summary>
    public string Program { get; init; }

    /// <summary>The arguments as passed to the program (secrets revealed).</summary>
    public IReadOnlyList<string> Arguments => _arguments.Select(a => a.Text).ToArray();

    /// <summary>The arguments as they may be shown (secrets masked).</summary>
    public IReadOnlyList<string> RedactedArguments => _arguments.Select(a => a.Echo).ToArray();

    /// <summary>A command line with <paramref name="arguments"/> appended.</summary>
    public CommandLine Add(params string[] arguments) =>
        new(Program, [.. _arguments, .. arguments.Select(a => (a, a))]);

    /// <summary>A command line with <c>prefix + secret</c> appended, shown as <c>prefix***</c>.</summary>
    public CommandLine AddSecret(string prefix, Secret secret) =>
        new(Program, [.. _arguments, (prefix + secret.Reveal(), prefix + Secret.Mask)]);

    /// <summary>The command line for a log, quoted for a POSIX shell, secrets masked.</summary>
    public override string ToString() => CommandLineText.Join(Program, RedactedArguments);

    /// <summary>A request that runs this command line and shows it as <see cref="ToString"/>.</summary>
    public ProcessRequest ToRequest() => new(Program, Arguments) { ShownAs = ToString() };
}
