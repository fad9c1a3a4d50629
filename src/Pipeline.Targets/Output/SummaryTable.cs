using System.Text;

namespace Pipeline.Targets;

/// <summary>The summary of a build as a text table and as GitHub-flavoured markdown.</summary>
internal static class SummaryTable
{
    public static string Text(IReadOnlyList<PlannedTarget> plan)
    {
        var rows = plan.Select(t => (t.Name, Status: (t.Status ?? TargetStatus.NotRun).ToString(), Duration: Duration(t), Details: Details(t))).ToList();
        var nameWidth = Math.Max(6, rows.Max(r => r.Name.Length));
        var statusWidth = Math.Max(9, rows.Max(r => r.Status.Length));
        var durationWidth = Math.Max(8, rows.Max(r => r.Duration.Length));
        var width = nameWidth + statusWidth + durationWidth + 6 + Math.Min(60, Math.Max(7, rows.Max(r => r.Details.Length)));
        var text = new StringBuilder();
        string Row(string a, string b, string c, string d) => $"{a.PadRight(nameWidth)}  {b.PadRight(statusWidth)}  {c.PadLeft(durationWidth)}  {d}".TrimEnd();
        text.AppendLine(new string('═', width));
        text.AppendLine(Row("Target", "Status", "Duration", "Details"));
        text.AppendLine(new string('─', width));
        foreach (var row in rows)
        {
            text.AppendLine(Row(row.Name, row.Status, row.Duration, row.Details));
        }

        text.AppendLine(new string('─', width));
        text.AppendLine(Row("Total", "", Report.Format(TimeSpan.FromTicks(plan.Sum(t => t.Duration.Ticks))), ""));
        text.Append(new string('═', width));
        return text.ToString();
    }

    public static string Markdown(IReadOnlyList<PlannedTarget> plan, int exitCode)
    {
        var text = new StringBuilder();
        text.AppendLine(exitCode == BuildOutcome.Success ? "### Build succeeded" : "### Build failed");
        text.AppendLine();
        text.AppendLine("| Target | Status | Duration | Details |");
        text.AppendLine("| --- | --- | ---: | --- |");
        foreach (var target in plan)
        {
            text.AppendLine($"| {Cell(target.Name)} | {target.Status ?? TargetStatus.NotRun} | {Duration(target)} | {Cell(Details(target))} |");
        }

        text.AppendLine();
        foreach (var markdown in plan.SelectMany(t => t.Context?.SummaryMarkdown ?? []))
        {
            text.AppendLine(markdown.TrimEnd()).AppendLine();
        }

        return text.ToString();
    }

    private static string Duration(PlannedTarget target) =>
        target.Status is TargetStatus.Succeeded or TargetStatus.Failed or TargetStatus.Aborted ? Report.Format(target.Duration) : "";

    private static string Details(PlannedTarget target)
    {
        var facts = target.Context?.Facts.Select(f => $"{f.Key}: {f.Value}") ?? [];
        var reason = target.Reason is null ? [] : new[] { target.Reason };
        return string.Join("; ", reason.Concat(facts));
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
