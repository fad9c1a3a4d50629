namespace Pipeline.Targets;

/// <summary>Decides, before anything runs, which planned targets are skipped and why.</summary>
internal static class StaticSkips
{
    public static void Apply(
        IReadOnlyList<PlannedTarget> plan,
        IReadOnlyCollection<TargetSpec> invoked,
        IReadOnlyList<TargetSpec>? skipped,
        IReadOnlySet<string> succeededBefore,
        List<string> problems)
    {
        foreach (var target in plan)
        {
            if (skipped is { Count: 0 } && !invoked.Contains(target.Spec))
            {
                target.Skip("--skip (not invoked)");
            }
            else if (skipped is { Count: > 0 } && skipped.Contains(target.Spec))
            {
                target.Skip("--skip");
            }
            else if (succeededBefore.Contains(target.Name))
            {
                target.Skip("succeeded in the previous attempt (--continue)", statically: false);
            }
        }

        foreach (var target in plan.Where(t => t.Status is null))
        {
            foreach (var condition in target.Spec.Definition.StaticConditions)
            {
                try
                {
                    if (condition.Evaluate())
                    {
                        continue;
                    }

                    target.Skip("condition false: " + condition.Text);
                    break;
                }
                catch (Exception exception)
                {
                    problems.Add($"The condition '{condition.Text}' of target {target.Name} threw {exception.GetType().Name}: {exception.Message}");
                    break;
                }
            }
        }

        PropagateToDependencies(plan, invoked);
    }

    /// <summary>A target skipped with <c>WhenSkipped(Skip)</c> takes its dependencies along, unless a target that runs needs them.</summary>
    private static void PropagateToDependencies(IReadOnlyList<PlannedTarget> plan, IReadOnlyCollection<TargetSpec> invoked)
    {
        var bySpec = plan.ToDictionary(t => t.Spec);
        bool changed;
        do
        {
            changed = false;
            foreach (var target in plan.Where(t => t.SkippedStatically && t.Spec.Definition.SkipBehavior == DependencyBehavior.Skip))
            {
                foreach (var dependency in target.Spec.AllDependencies.Where(bySpec.ContainsKey).Select(d => bySpec[d]))
                {
                    if (dependency.Status != null || invoked.Contains(dependency.Spec))
                    {
                        continue;
                    }

                    var neededByRunningTarget = plan.Any(t => t.Status != TargetStatus.Skipped && t.Spec.AllDependencies.Contains(dependency.Spec));
                    if (neededByRunningTarget)
                    {
                        continue;
                    }

                    dependency.Skip($"dependency of skipped target {target.Name}");
                    changed = true;
                }
            }
        }
        while (changed);
    }
}
