using System.Reflection;
using System.Runtime.InteropServices;
using Pipeline.Targets;

namespace Pipeline.Tool;

/// <summary>
/// <c>pipeline &lt;command&gt; [--parameter value ...]</c>: the command names a target of <see cref="ToolBuild"/>, the rest
/// goes to the target engine as it is, so parameters, environment variables, <c>.nuke/parameters.json</c>, help,
/// validation and exit codes are those of <c>./build.sh</c>.
/// </summary>
internal static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs a command; tests give the directory and environment (null: the process's).</summary>
    internal static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        int RunEngine(IReadOnlyList<string> arguments) => Program.RunEngine(arguments, output, workingDirectory, environment);
        if (args.Count == 0 || args[0] is "help" or "--help" or "-h" or "-?")
        {
            output.WriteLine(Usage());
            output.WriteLine();
            return RunEngine(["--help"]);
        }
        if (args[0] is "--version" or "version")
        {
            output.WriteLine(Version);
            return 0;
        }

        var plan = args[0] == "plan";
        var rest = args.Skip(plan ? 1 : 0).ToList();
        if (rest.Count == 0)
        {
            return Invalid(error, "pipeline plan needs a command: pipeline plan promote (or any command below).");
        }

        if (rest[0].StartsWith('-'))
        {
            return Invalid(error, $"Name a command first, then its parameters: pipeline promote {string.Join(' ', rest)}.");
        }

        var target = Commands.TargetOf(rest[0]);
        if (target is null)
        {
            var nearest = Commands.All.Select(c => c.Command).OrderBy(c => Distance(c, rest[0])).First();
            return Invalid(error, $"Unknown command '{rest[0]}'. Did you mean '{nearest}'?");
        }
        return RunEngine([target, .. plan ? ["--plan"] : Array.Empty<string>(), .. rest.Skip(1)]);
    }

    private static int RunEngine(IReadOnlyList<string> arguments, TextWriter output, string? workingDirectory, IReadOnlyDictionary<string, string>? environment)
    {
        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // The first Ctrl-C aborts the running target and runs its cleanups; a second one kills the process.
            if (cancellation.IsCancellationRequested)
            {
                return;
            }

            e.Cancel = true;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cancellation.Cancel();
        });
        try
        {
            var invocation = new BuildInvocation(arguments)
            {
                Command = "pipeline",
                Output = output == Console.Out ? null : output,
                IsTerminal = output == Console.Out ? null : false,
                WorkingDirectory = workingDirectory,
                Environment = environment,
                UpdatesGeneratedFiles = false,
                CancellationToken = cancellation.Token,
            };
            return BuildEngine.RunAsync(new ToolBuild(), invocation).GetAwaiter().GetResult().ExitCode;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    internal static string Version =>
        typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";

    private static string Usage()
    {
        var width = Commands.All.Max(c => c.Command.Length) + 2;
        var lines = Commands.All.Select(c => $"  {c.Command.PadRight(width)}{c.Summary}");
        return $"pipeline {Version}: from a commit to a pinned multi-platform image in a GitOps repository, for an app in any language.\n\n" +
               "Commands (pipeline <command> [--parameter value ...]):\n" + string.Join('\n', lines) + "\n\n" +
               "Each command is the target of the same name below (build-image is BuildMultiArchImage). Parameters come from the command\n" +
               "line, then environment variables, then .nuke/parameters.json in this directory or above. Exit codes: 0 success,\n" +
               "1 a step failed, 2 invalid invocation (nothing ran), 130 cancelled.";
    }

    private static int Invalid(TextWriter error, string message)
    {
        error.WriteLine($"error: {message}");
        error.WriteLine("Commands: " + string.Join(", ", Commands.All.Select(c => c.Command)) + ". Run pipeline --help for the parameters.");
        return BuildOutcome.InvalidInvocation;
    }

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var previous = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var current = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1));
                previous = current;
            }
        }
        return row[b.Length];
    }
}
