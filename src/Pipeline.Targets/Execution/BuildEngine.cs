using System.Reflection;

namespace Pipeline.Targets;

/// <summary>Runs a build: binds parameters, plans, checks, executes and reports.</summary>
public static partial class BuildEngine
{
    /// <summary>Runs a new instance of <typeparamref name="TBuild"/>.</summary>
    public static Task<BuildOutcome> RunAsync<TBuild>(BuildInvocation invocation) where TBuild : PipelineBuild, new() =>
        RunAsync(new TBuild(), invocation);

    /// <summary>Runs the given build instance.</summary>
    public static async Task<BuildOutcome> RunAsync(PipelineBuild build, BuildInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(invocation);
        var environment = invocation.ResolveEnvironment();
        var writer = invocation.Output ?? Console.Out;
        var host = DetectHost(environment, invocation.IsTerminal ?? !Console.IsOutputRedirected);
        var output = new BuildOutput(writer, host, colors: !environment.ContainsKey("NO_COLOR"), Verbosity.Normal, invocation.QuietInterval);
        var previous = Log.Current;
        Log.Current = output;
        try
        {
            return await RunCoreAsync(build, invocation, environment, output).ConfigureAwait(false);
        }
        finally
        {
            output.Flush();
            Log.Current = previous;
        }
    }

    private static async Task<BuildOutcome> RunCoreAsync(PipelineBuild build, BuildInvocation invocation, IReadOnlyDictionary<string, string> environment, BuildOutput output)
    {
        var problems = new List<string>();
        IReadOnlyList<ParameterSpec> parameters;
        try
        {
            parameters = ParameterSpec.Discover(build.GetType());
        }
        catch (BuildDefinitionException exception)
        {
            return Invalid(output, [exception.Message]);
        }

        var arguments = Invocation.Resolve(invocation.Arguments, parameters, problems);
        output.Verbosity = arguments.Verbosity ?? Verbosity.Normal;
        var workingDirectory = AbsolutePath.Create(invocation.WorkingDirectory ?? Directory.GetCurrentDirectory());
        var root = ResolveRoot(arguments.Root, workingDirectory, problems);
        var binding = ParameterBinder.Bind(parameters, arguments, environment, root);

        // Masks go out before anything else is printed, problems included.
        output.Mask(binding.SecretValues);
        foreach (var (spec, bound) in binding.Values.Where(b => b.Key.IsSecret && b.Value.Value is string { Length: > 0 and < BuildOutput.MinimumSecretLength }))
        {
            output.Write(LogLevel.Warning,
                $"Secret parameter {spec.Name} from {bound.Source} is only {((string)bound.Value!).Length} character(s) long, so it is not masked; " +
                "a secret store may have stored a placeholder (gh secret set NAME --body - stores '-').");
        }
        problems.AddRange(binding.Problems);
        if (problems.Count > 0)
        {
            return Invalid(output, problems);
        }

        var values = parameters.ToDictionary(p => p.Name, p => binding.Values.TryGetValue(p, out var bound) ? bound.Value : null);
        foreach (var (spec, bound) in binding.Values)
        {
            spec.Assign(build, bound.Value);
        }

        var origins = binding.Values.ToDictionary(b => b.Key.Name, b => b.Value.Origin);
        build.Attach(new BuildSession(root, output.Host, IsServerBuild(environment), environment, values, origins)
        {
            Invocation = output.Redact(string.Join(' ', ["./build.sh", .. invocation.Arguments.Select(ShellQuote)])),
        });
        foreach (var spec in parameters.Where(p => p.IsSecret && !binding.Values.ContainsKey(p)))
        {
            if (spec.GetCurrentValue(build) is string secret)
            {
                output.Mask([secret]);
            }
        }

        BuildModel model;
        try
        {
            model = BuildModel.Discover(build);
        }
        catch (BuildDefinitionException exception)
        {
            return Invalid(output, [exception.Message]);
        }

        if (!IsServerBuild(environment) && invocation.UpdatesGeneratedFiles)
        {
            try
            {
                BuildSchema.WriteIfChanged(root, model);
                if (build is IHaveGitHubWorkflows generator)
                {
                    WorkflowGenerator.WriteIfChanged(root, model, generator.GitHubWorkflows);
                }
            }
            catch (BuildDefinitionException exception)
            {
                return Invalid(output, [exception.Message]);
            }
        }

        if (arguments.Help)
        {
            output.Raw(HelpText.Render(build, model, invocation.DefaultTargets, invocation.Command));
            return new BuildOutcome(BuildOutcome.Success, []);
        }

        return await PlanAndExecuteAsync(build, model, arguments, binding, invocation, root, output).ConfigureAwait(false);
    }

    internal static string NameOf(object build, Target target)
    {
        for (var type = build.GetType(); type != null; type = type.BaseType)
        {
            foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (property.PropertyType == typeof(Target) && !property.Name.Contains('.') && ((Target?)property.GetValue(build))?.Method == target.Method)
                {
                    return property.Name;
                }
            }
        }
        foreach (var property in build.GetType().GetInterfaces().SelectMany(i => i.GetProperties()))
        {
            if (property.PropertyType == typeof(Target) && ((Target?)property.GetValue(build))?.Method == target.Method)
            {
                return property.Name;
            }
        }
        throw new BuildDefinitionException("A default target is not a Target property of the build.");
    }

    private static string ShellQuote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsLetterOrDigit(c) || "-_./:=,@+%".Contains(c))
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static HostKind DetectHost(IReadOnlyDictionary<string, string> environment, bool isTerminal) =>
        environment.TryGetValue("GITHUB_ACTIONS", out var actions) && actions == "true" ? HostKind.GitHubActions
        : isTerminal ? HostKind.Terminal
        : HostKind.Plain;

    private static bool IsServerBuild(IReadOnlyDictionary<string, string> environment) =>
        environment.TryGetValue("CI", out var ci) && ci.Length > 0 && ci != "false" ||
        environment.TryGetValue("GITHUB_ACTIONS", out var actions) && actions == "true";

    private static AbsolutePath ResolveRoot(string? given, AbsolutePath workingDirectory, List<string> problems)
    {
        if (given != null)
        {
            var path = Path.IsPathRooted(given) ? AbsolutePath.Create(given) : workingDirectory / given;
            if (!path.DirectoryExists())
            {
                problems.Add($"--root {given}: the directory {path} does not exist.");
            }

            return path;
        }
        for (var directory = workingDirectory; directory != null; directory = directory.Parent)
        {
            if ((directory / ".nuke").DirectoryExists())
            {
                return directory;
            }
        }
        return workingDirectory;
    }

    private static BuildOutcome Invalid(BuildOutput output, IEnumerable<string> problems) =>
        Invalid(output, problems.Select(p => new InvocationProblem(p)).ToList(), build: null, parameters: []);

    private static BuildOutcome Invalid(BuildOutput output, IReadOnlyList<InvocationProblem> problems, object? build, IReadOnlyList<ParameterSpec> parameters)
    {
        output.Write(LogLevel.Error, ProblemText.Render(ProblemText.Header(problems.Count, "nothing ran"), problems, build, parameters));
        output.Raw("Build failed: nothing ran (exit code 2).");
        return new BuildOutcome(BuildOutcome.InvalidInvocation, []);
    }
}
