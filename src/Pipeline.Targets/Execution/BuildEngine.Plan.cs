namespace Pipeline.Targets;

/// <summary>Runs a nested invocation of a build for a target (<see cref="TargetContext.RunBuildAsync"/>).</summary>
internal delegate Task<BuildOutcome> NestedRunner(PipelineBuild build, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellation);

public static partial class BuildEngine
{
    private static async Task<BuildOutcome> PlanAndExecuteAsync(
        PipelineBuild build, BuildModel model, Invocation arguments, Binding binding, BuildInvocation invocation, AbsolutePath root, BuildOutput output)
    {
        var problems = new List<string>();
        var names = arguments.Targets.Count > 0 ? arguments.Targets : invocation.DefaultTargets;
        if (names.Count == 0)
        {
            output.Raw(HelpText.Render(build, model, invocation.DefaultTargets, invocation.Command));
            return Invalid(output, [$"No target given. Name one: {invocation.Command} <target> (targets are listed above)."]);
        }
        var invoked = ResolveTargets(model, names, problems);
        var skipNames = arguments.Skip ?? binding.FileSkip;
        var skipped = skipNames is null ? null : ResolveTargets(model, skipNames, problems);
        if (problems.Count > 0)
        {
            return Invalid(output, problems);
        }

        IReadOnlyList<PlannedTarget> plan;
        try
        {
            plan = ExecutionPlanner.Plan(invoked).Select(s => new PlannedTarget(s)).ToList();
        }
        catch (BuildDefinitionException exception)
        {
            return Invalid(output, [exception.Message]);
        }

        var fingerprint = ContinueState.Fingerprint(arguments.Fingerprint);
        var succeededBefore = arguments.Continue ? ContinueState.Succeeded(root, fingerprint) : new HashSet<string>();
        StaticSkips.Apply(plan, invoked, skipped, succeededBefore, problems);
        var (unmet, unmetTargets) = Requirements.Check(plan, model.Parameters);
        var settings = new List<ValidationSetting>();
        var found = problems.Select(p => new InvocationProblem(p)).Concat(unmet).ToList();
        try
        {
            found.AddRange(await Validations.RunAsync(plan, unmetTargets, build, arguments.Plan, settings, invocation.CancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (invocation.CancellationToken.IsCancellationRequested)
        {
            output.Raw("Build cancelled: nothing ran.");
            return new BuildOutcome(BuildOutcome.Cancelled, []);
        }

        if (arguments.Plan)
        {
            output.Raw(PlanText.Render(plan, invoked));
            if (settings.Count > 0)
            {
                output.Raw("\n" + SettingsText.Render(settings));
            }

            if (found.Count == 0)
            {
                output.Raw("\nValidation: every check of every target that will run passed.");
                return new BuildOutcome(BuildOutcome.Success, plan.Select(t => t.ToOutcome()).ToList());
            }
            output.Raw("");
            output.Write(LogLevel.Error, ProblemText.Render(ProblemText.Header(found.Count, "a run would stop before the first target (exit code 2)"), found, build, model.Parameters));
            return new BuildOutcome(BuildOutcome.InvalidInvocation, plan.Select(t => t.ToOutcome()).ToList());
        }
        if (found.Count > 0)
        {
            return Invalid(output, found, build, model.Parameters);
        }

        if (settings.Count > 0)
        {
            output.Raw(SettingsText.Render(settings));
        }

        NestedRunner nested = (nestedBuild, arguments, environment, cancellation) => RunAsync(nestedBuild, invocation with
        {
            Arguments = [.. arguments, "--root", root],
            Environment = environment is null ? build.EnvironmentVariables : Merge(build.EnvironmentVariables, environment),
            Output = output.Writer,
            IsTerminal = output.Host == HostKind.Terminal,
            DefaultTargets = [],
            CancellationToken = cancellation,
        });
        var passed = new CommandLineParameters(
            arguments.Parameters.ToDictionary(p => p.Key.Name, p => (IReadOnlyList<string>)(p.Value.HasInlineValue ? [p.Value.Token] : [p.Value.Token, .. p.Value.Values]), StringComparer.Ordinal),
            arguments.Profiles);
        var exitCode = await ExecuteAsync(plan, root, output, nested, passed, invocation.CancellationToken).ConfigureAwait(false);
        ContinueState.Save(root, fingerprint, plan.Where(t => t.Status == TargetStatus.Succeeded || succeededBefore.Contains(t.Name)).Select(t => t.Name));
        Report.Write(plan, output, build.EnvironmentVariables, root, exitCode);
        return new BuildOutcome(exitCode, plan.Select(t => t.ToOutcome()).ToList());
    }

    private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> environment, IReadOnlyDictionary<string, string> overrides)
    {
        var merged = new Dictionary<string, string>(environment, StringComparer.Ordinal);
        foreach (var (name, value) in overrides)
        {
            merged[name] = value;
        }

        return merged;
    }

    private static List<TargetSpec> ResolveTargets(BuildModel model, IEnumerable<string> names, List<string> problems)
    {
        var targets = new List<TargetSpec>();
        foreach (var name in names)
        {
            var target = model.FindTarget(name);
            if (target is null)
            {
                var listed = model.Targets.Where(t => !t.Definition.IsUnlisted).Select(t => t.Name).ToList();
                var nearest = Suggestions.Nearest(name, model.Targets.Select(t => t.Name));
                problems.Add($"Target '{name}' does not exist." + (nearest is null ? "" : $" Did you mean '{nearest}'?") +
                             $" Targets: {string.Join(", ", listed)}.");
            }
            else if (!targets.Contains(target))
            {
                targets.Add(target);
            }
        }
        return targets;
    }
}
