using System.Globalization;
using System.Text;

namespace Pipeline.Targets;

/// <summary>The end of a build: warnings and errors repeated, the summary table, CI outputs and the last line.</summary>
internal static class Report
{
    public static void Write(IReadOnlyList<PlannedTarget> plan, BuildOutput output, IReadOnlyDictionary<string, string> environment, AbsolutePath root, int exitCode)
    {
        if (output.Diagnostics.Count > 0 && output.Verbosity != Verbosity.Quiet)
        {
            output.Raw("");
            output.Raw("Warnings and errors:");
            foreach (var diagnostic in output.Diagnostics)
            {
                var where = diagnostic.Target is null ? "" : $"[{diagnostic.Target}] ";
                var line = $"  {(diagnostic.Level == LogLevel.Error ? "error" : "warning")}: {where}{diagnostic.Message.Split('\n')[0].TrimEnd('\r')}";
                output.Raw(line, diagnostic.Level == LogLevel.Error ? "\u001b[31m" : "\u001b[33m");
            }
        }

        if (output.Verbosity != Verbosity.Quiet)
        {
            output.Raw("");
            output.Raw(SummaryTable.Text(plan));
        }

        if (output.Host == HostKind.GitHubActions)
        {
            WriteGitHubFiles(plan, environment, exitCode);
        }

        var total = Format(TimeSpan.FromTicks(plan.Sum(t => t.Duration.Ticks)));
        output.Raw(exitCode == BuildOutcome.Success ? $"Build succeeded in {total}." : exitCode == BuildOutcome.Cancelled ? $"Build cancelled after {total}." : $"Build failed after {total}.",
            exitCode == BuildOutcome.Success ? "\u001b[1;32m" : "\u001b[1;31m");
    }

    private static void WriteGitHubFiles(IReadOnlyList<PlannedTarget> plan, IReadOnlyDictionary<string, string> environment, int exitCode)
    {
        if (environment.TryGetValue("GITHUB_OUTPUT", out var outputFile) && outputFile.Length > 0)
        {
            var text = new StringBuilder();
            foreach (var (name, value) in plan.SelectMany(t => t.Context?.Outputs ?? []))
            {
                text.Append(WorkflowCommands.FormatOutput(name, value));
            }

            if (text.Length > 0)
            {
                File.AppendAllText(outputFile, SecretRegistry.Shared.Redact(text.ToString()));
            }
        }
        if (environment.TryGetValue("GITHUB_STEP_SUMMARY", out var summaryFile) && summaryFile.Length > 0)
        {
            File.AppendAllText(summaryFile, SecretRegistry.Shared.Redact(SummaryTable.Markdown(plan, exitCode)));
        }
    }

    internal static string Format(TimeSpan duration) =>
        duration.TotalHours >= 1
            ? duration.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
            : duration.TotalSeconds >= 10
                ? duration.ToString(@"m\:ss", CultureInfo.InvariantCulture)
                : duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
