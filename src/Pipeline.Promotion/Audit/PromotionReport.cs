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

    /// <summary>
    /// The report as indented JSON, written for people: the <c>+</c>, <c>&lt;</c> and <c>&gt;</c> of diffs appear as
    /// themselves, not as <c>\u002B</c> escapes (the file is never embedded in HTML).
    /// </summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            JsonSerializer.Serialize(writer, this, PromotionJsonContext.Default.PromotionReport);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads a report written by <see cref="ToJson"/>.</summary>
    public static PromotionReport FromJson(string json) =>
        JsonSerializer.Deserialize(json, PromotionJsonContext.Default.PromotionReport)
        ?? throw new PromotionException("The promotion report is empty; expected the JSON written by PromotionReport.WriteAsync.");

    /// <summary>
    /// Writes the JSON to <paramref name="path"/> (<c>artifacts/promotion.json</c>), creating the folder. The file is
    /// written beside the target and renamed over it, so builds running at once in one checkout never leave a file of
    /// mixed halves: the last to finish wins whole.
    /// </summary>
    public async Task WriteAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllTextAsync(temporary, SecretRegistry.Shared.Redact(ToJson()) + "\n", cancellationToken).ConfigureAwait(false);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Reads <c>promotion.json</c>.</summary>
    public static async Task<PromotionReport> ReadAsync(string path, CancellationToken cancellationToken = default) =>
        FromJson(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));

    /// <summary>A Markdown section for <c>$GITHUB_STEP_SUMMARY</c>: one row per environment, then each diff.</summary>
    public string ToMarkdownSummary() => PromotionMarkdown.Summary(this);
}
