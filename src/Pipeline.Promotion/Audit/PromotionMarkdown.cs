using System.Text;

namespace Pipeline.Promotion;

/// <summary>The Markdown of step summaries and pull request bodies.</summary>
internal static class PromotionMarkdown
{
    /// <summary>Hidden marker in a promotion pull request's body, naming its app and environment.</summary>
    public static string Marker(string app, string environment) => $"<!-- pipeline-promotion app={app} environment={environment} -->";

    public static string Summary(PromotionReport report)
    {
        var text = new StringBuilder();
        text.Append("### Promotion").Append(report.DryRun ? " (dry run)" : "").Append('\n').Append('\n');
        if (report.Image is not null)
        {
            text.Append("Image: `").Append(report.Image).Append("`\n\n");
        }

        foreach (var note in report.Notes)
        {
            text.Append("> ").Append(note).Append('\n');
        }

        if (report.Results.Count == 0)
        {
            return text.Append("No environment was promoted.\n").ToString();
        }

        text.Append("| App | Environment | Result | Commit or pull request | Files |\n|---|---|---|---|---|\n");
        foreach (var r in report.Results)
        {
            var where = r.PullRequestUrl is not null ? $"[#{r.PullRequestNumber}]({r.PullRequestUrl})" : r.CommitSha is not null ? $"`{Short(r.CommitSha)}`" : "-";
            var files = r.Files.Count == 0 ? "-" : string.Join("<br>", r.Files.Select(f => $"`{f.Path}`"));
            text.Append($"| {Cell(r.App)} | {Cell(r.Environment)} | {Describe(r)} | {where} | {files} |\n");
        }

        foreach (var r in report.Results.Where(r => r.Files.Count > 0 || r.Notes.Count > 0 || r.Steps.Count > 0 && r.Status == PromotionStatus.DryRun))
        {
            text.Append("\n<details><summary>").Append(Html(r.App)).Append(" / ").Append(Html(r.Environment)).Append("</summary>\n\n");
            foreach (var note in r.Notes)
            {
                text.Append("- ").Append(note).Append('\n');
            }

            if (r.Status == PromotionStatus.DryRun)
            {
                text.Append("\nSteps:\n");
                foreach (var step in r.Steps)
                {
                    text.Append("1. ").Append(step).Append('\n');
                }
            }

            foreach (var file in r.Files.Where(f => f.Diff.Length > 0))
            {
                text.Append("\n```diff\n").Append(file.Diff.Replace("\r", "", StringComparison.Ordinal).TrimEnd('\n')).Append("\n```\n");
            }

            text.Append("\n</details>\n");
        }

        return text.ToString();
    }

    public static string PullRequestBody(PromotionContext context, IReadOnlyList<PromotedFile> files, string? extra)
    {
        var text = new StringBuilder();
        text.Append("Promotes `").Append(context.Image).Append("` to **").Append(context.Environment.Name).Append("** of **").Append(context.App.Name).Append("**.\n\n");
        text.Append("| | |\n|---|---|\n");
        Row(text, "Image", context.Image.ToString());
        Row(text, "Digest", context.Image.Digest?.ToString());
        Row(text, "Tag", context.Image.Tag);
        Row(text, "Source repository", context.Source.Repository);
        Row(text, "Source commit", context.Source.Commit);
        Row(text, "Source branch", context.Source.Branch);
        Row(text, "CI run", context.CiRunUrl);
        text.Append("\n| File | Value | Before | After |\n|---|---|---|---|\n");
        foreach (var change in files.SelectMany(f => f.Changes))
        {
            text.Append($"| `{Cell(change.File)}` | `{Cell(change.Location)}` | `{Cell(change.OldValue ?? "(added)")}` | `{Cell(change.NewValue)}` |\n");
        }

        if (extra is not null)
        {
            text.Append('\n').Append(extra).Append('\n');
        }

        text.Append('\n').Append(Marker(context.App.Name, context.Environment.Name)).Append('\n');
        return text.ToString();
    }

    private static void Row(StringBuilder text, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            text.Append("| ").Append(name).Append(" | `").Append(Cell(value)).Append("` |\n");
        }
    }

    private static string Describe(PromotionResult r) => r.Status switch
    {
        PromotionStatus.AlreadyPromoted => "already pinned",
        PromotionStatus.NotRouted => "not routed: " + Cell(r.Reason ?? ""),
        PromotionStatus.PullRequestOpened when r.SupersededPullRequestUrl is not null => "pull request opened (supersedes an older one)",
        _ => System.Text.RegularExpressions.Regex.Replace(r.Status.ToString(), "(?<=[a-z])(?=[A-Z])", " ").ToLowerInvariant(),
    };

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal);

    private static string Html(string value) => System.Net.WebUtility.HtmlEncode(value);
}
