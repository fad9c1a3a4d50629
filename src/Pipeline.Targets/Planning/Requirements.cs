namespace Pipeline.Targets;

/// <summary>Checks <c>Requires(...)</c> of every planned target that will run, before anything runs.</summary>
internal static class Requirements
{
    public static List<string> Check(IReadOnlyList<PlannedTarget> plan, IReadOnlyList<ParameterSpec> parameters)
    {
        var problems = new List<string>();
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
                    problems.Add($"Target {target.Name}: the requirement '{requirement.Text}' threw {exception.GetType().Name}: {exception.Message}");
                    continue;
                }
                if (!met)
                    problems.Add(Describe(target.Name, requirement.Text, parameters));
            }
        }
        return problems;
    }

    private static string Describe(string target, string text, IReadOnlyList<ParameterSpec> parameters)
    {
        var member = ExpressionText.MemberName(text);
        var parameter = member is null ? null : parameters.FirstOrDefault(p => p.Name == member);
        return parameter is null
            ? $"Target {target} requires '{text}', which does not hold."
            : $"Target {target} requires parameter {parameter.Name}: set it with {parameter.Option} <value>, the environment variable {parameter.EnvironmentVariable}, or \"{parameter.Name}\" in .nuke/parameters.json.";
    }
}
