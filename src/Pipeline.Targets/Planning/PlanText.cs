using System.Text;

namespace Pipeline.Targets;

/// <summary>The text of <c>--plan</c>: the ordered plan with skip reasons, then the graph in Mermaid.</summary>
internal static class PlanText
{
    public static string Render(IReadOnlyList<PlannedTarget> plan, IReadOnlyCollection<TargetSpec> invoked)
    {
        var text = new StringBuilder();
        text.AppendLine($"Execution plan for {string.Join(", ", invoked.Select(t => t.Name))}:");
        var width = plan.Max(t => t.Name.Length) + 2;
        for (var i = 0; i < plan.Count; i++)
        {
            var target = plan[i];
            var state = target.Status == TargetStatus.Skipped ? $"skipped: {target.Reason}" : "will run";
            var notes = new List<string> { state };
            if (target.Spec.Definition.Proceeds)
            {
                notes.Add("proceeds after failure");
            }

            if (target.Spec.Definition.Assured)
            {
                notes.Add("assured after failure");
            }

            if (target.Spec.Definition.ProducedPatterns.Count > 0)
            {
                notes.Add("produces " + string.Join(", ", target.Spec.Definition.ProducedPatterns));
            }

            if (target.Spec.Definition.DynamicConditions.Count > 0)
            {
                notes.Add("only when " + string.Join(" && ", target.Spec.Definition.DynamicConditions.Select(c => c.Text)));
            }

            text.AppendLine($"  {i + 1,2}. {target.Name.PadRight(width)}{string.Join("; ", notes)}");
        }

        text.AppendLine();
        text.AppendLine("```mermaid");
        text.AppendLine("graph LR");
        var members = plan.Select(t => t.Spec).ToHashSet();
        foreach (var target in plan)
        {
            var label = target.Status == TargetStatus.Skipped ? $"{target.Name}[\"{target.Name} (skipped)\"]" : target.Name;
            text.AppendLine($"  {label}");
        }
        foreach (var target in plan.Select(t => t.Spec))
        {
            foreach (var dependency in target.AllDependencies.Where(members.Contains))
            {
                text.AppendLine($"  {dependency.Name} --> {target.Name}");
            }

            foreach (var triggered in target.AllTriggers.Where(members.Contains))
            {
                text.AppendLine($"  {target.Name} -. triggers .-> {triggered.Name}");
            }

            foreach (var earlier in target.After.Where(members.Contains))
            {
                text.AppendLine($"  {earlier.Name} -. before .-> {target.Name}");
            }

            foreach (var later in target.Before.Where(members.Contains))
            {
                text.AppendLine($"  {target.Name} -. before .-> {later.Name}");
            }
        }
        text.Append("```");
        return text.ToString();
    }
}
