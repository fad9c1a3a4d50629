using System.Text;

namespace Pipeline.Containers;

public sealed partial record PinnedImage
{
    /// <summary>GitHub Actions step outputs: <c>image</c>, <c>digest</c>, <c>reference</c>, <c>tags</c>, <c>platforms</c>.</summary>
    public IReadOnlyDictionary<string, string> ToGitHubOutputs() =>
        new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["image"] = Repository,
            ["digest"] = Digest.ToString(),
            ["reference"] = Reference.ToString(),
            ["tags"] = string.Join(',', Tags),
            ["platforms"] = string.Join(',', Platforms.Select(p => p.Platform)),
        };

    /// <summary>A Markdown section for the GitHub step summary.</summary>
    public string ToMarkdownSummary()
    {
        var text = new StringBuilder();
        text.Append("### Image ").Append('`').Append(Repository).Append('`').AppendLine().AppendLine();
        text.Append("Pinned reference: `").Append(Reference).Append('`').AppendLine().AppendLine();
        text.AppendLine("| Platform | Manifest digest | Config architecture |");
        text.AppendLine("|---|---|---|");
        foreach (var platform in Platforms)
        {
            text.Append("| ").Append(platform.Platform).Append(" | `").Append(platform.Digest).Append("` | ").Append(platform.ConfigArchitecture ?? "-").AppendLine(" |");
        }

        text.AppendLine().Append("Tags: ").AppendLine(string.Join(", ", Tags.Select(t => $"`{t}`")));
        if (SourceCommit is not null)
        {
            text.Append("Source commit: `").Append(SourceCommit).AppendLine("`");
        }

        return text.ToString();
    }

    /// <summary>
    /// Appends the outputs to <c>$GITHUB_OUTPUT</c> and the summary to <c>$GITHUB_STEP_SUMMARY</c> when those variables
    /// are set (on GitHub Actions); returns false when neither is.
    /// </summary>
    public async Task<bool> WriteGitHubFilesAsync(Func<string, string?>? environment = null, CancellationToken cancellationToken = default)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var wrote = false;
        if (environment("GITHUB_OUTPUT") is { Length: > 0 } outputs)
        {
            var lines = ToGitHubOutputs().Select(p => SecretRegistry.Shared.Redact($"{p.Key}={p.Value}"));
            await File.AppendAllLinesAsync(outputs, lines, cancellationToken).ConfigureAwait(false);
            wrote = true;
        }

        if (environment("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary)
        {
            await File.AppendAllTextAsync(summary, SecretRegistry.Shared.Redact(ToMarkdownSummary()) + Environment.NewLine, cancellationToken).ConfigureAwait(false);
            wrote = true;
        }

        return wrote;
    }
}
