using System.Text.Json;

namespace Pipeline.Promotion;

/// <summary>
/// Every environment's result of one promotion; written to <c>artifacts/promotion.json</c> and rendered as the
/// GitHub step summary, so that outputs and summary come from the same record.
/// </summary>
/// <param name="Image">The pinned image.</param>
/// <param name="Results">One result per app and environment, in spec order.</param>
public sealed record PromotionReport(string? Image, IReadOnlyList<PromotionResult> Results)
{
    /// <summary>The source commit the image was built from.</summary>
    public string? SourceCommit { get; init; }

    /// <summary>Whether this was a dry run.</summary>
    public bool DryRun { get; init; }

    /// <summary>Notes about the whole promotion (for example, that no environment matched).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>True when at least one environment was written, proposed or dispatched.</summary>
    public bool Changed => Results.Any(r => r.Status is PromotionStatus.Committed or PromotionStatus.Written or PromotionStatus.PullRequestOpened
        or PromotionStatus.PullRequestUpdated or PromotionStatus.PullRequestMerged or PromotionStatus.Dispatched);

    /// <summary>The report as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, PromotionJsonContext.Default.PromotionReport);

    /// <summary>Reads a report written by <see cref="ToJson"/>.</summary>
    public static PromotionReport FromJson(string json) =>
        JsonSerializer.Deserialize(json, PromotionJsonContext.Default.PromotionReport)
        ?? throw new PromotionException("The promotion report is empty; expected the JSON written by PromotionReport.WriteAsync.");

    /// <summary>Writes the JSON to <paramref name="path"/> (<c>artifacts/promotion.json</c>), creating the folder.</summary>
    public async Task WriteAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        await File.WriteAllTextAsync(path, SecretRegistry.Shared.Redact(ToJson()) + "\n", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads <c>promotion.json</c>.</summary>
    public static async Task<PromotionReport> ReadAsync(string path, CancellationToken cancellationToken = default) =>
        FromJson(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));

    /// <summary>A Markdown section for <c>$GITHUB_STEP_SUMMARY</c>: one row per environment, then each diff.</summary>
    public string ToMarkdownSummary() => PromotionMarkdown.Summary(this);
}
