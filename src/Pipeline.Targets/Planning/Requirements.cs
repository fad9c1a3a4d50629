namespace Pipeline.Targets;

/// <summary>Checks <c>Requires(...)</c> of every planned target that will run, before anything runs.</summary>
internal static class Requirements
{
    /// <summary>The problems found, and the targets whose requirements do not hold (their own checks are then not run).</summary>
    public static (List<InvocationProblem> Problems, HashSet<PlannedTarget> Unmet) Check(IReadOnlyList<PlannedTarget> plan, IReadOnlyList<ParameterSpec> parameters)
    {
        var problems = new List<InvocationProblem>();
        var unmet = new HashSet<PlannedTarget>();
        foreach (var target in plan.Where(t => t.Status is null))
        {
            foreach (var requirement in target.Spec.Definition.Requirements)
            {
                bool met;
                try
                {
                    met = requirement.IsMet();
                }
                catch (Exception exception)
                {
                    var cause = exception is System.Reflection.TargetInvocationException { InnerException: { } inner } ? inner : exception;
                    problems.Add(new InvocationProblem($"the requirement '{requirement.Text}' threw {cause.GetType().Name}: {cause.Message}") { Target = target.Name });
                    unmet.Add(target);
                    continue;
                }
                if (met)
                {
                    continue;
                }

                unmet.Add(target);
                problems.Add(Describe(target.Name, requirement.Text, parameters));
            }
        }
        return (problems, unmet);
    }

    private static InvocationProblem Describe(string target, string text, IReadOnlyList<ParameterSpec> parameters)
    {
        var member = ExpressionText.MemberName(text);
        var parameter = member is null ? null : parameters.FirstOrDefault(p => p.Name == member);
        return parameter is null
            ? new InvocationProblem($"requires '{text}', which does not hold.") { Target = target }
            : new InvocationProblem($"requires parameter {parameter.Name}, which is not set.")
            {
                Target = target,
                Parameters = [parameter.Name],
                Fix = ProblemText.HowToSet(parameter) + ".",
            };
    }
}
