using Microsoft.Extensions.Logging;
using Pipeline.Containers;

namespace Pipeline.Promotion;

/// <summary>
/// Promotes a pinned image into a GitOps repository as its spec says: routes the image to environments, runs the
/// guards, applies the byte-preserving edits, and writes each environment in one commit or one pull request,
/// retrying on conflicts by re-reading and re-applying. The one entry point for build targets:
/// <code>var report = await new Promoter().PromoteAsync(request, cancellationToken);
/// await report.WriteAsync("artifacts/promotion.json");</code>
/// </summary>
/// <param name="options">Logging, HTTP and retry timing; defaults when null.</param>
public sealed partial class Promoter(PromoterOptions? options = null)
{
    private readonly PromoterOptions _options = options ?? new PromoterOptions();

    private ILogger Log => _options.Logger;

    /// <summary>Promotes <see cref="PromotionRequest.Image"/> to every environment it routes to.</summary>
    /// <exception cref="PromotionException">A guard refused, the request or spec is wrong, or a write failed; see the subtype.</exception>
    /// <exception cref="Edits.ManifestEditException">An edit matched nothing or too much, or would change more than the image.</exception>
    public async Task<PromotionReport> PromoteAsync(PromotionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var image = CheckImage(request.Image);
        var method = request.WriteMethod ?? request.Target.DefaultWriteMethod;
        await using var connection = await TargetConnection.OpenAsync(request, method, _options, cancellationToken).ConfigureAwait(false);
        var report = new PromotionReport(image.ToString(), [])
        {
            SourceCommit = request.Source.Commit,
            DryRun = request.DryRun,
        };
        var history = SourceHistoryFor(request, connection);
        WarnGuardsOff(request);
        if (method == WriteMethod.Dispatch)
        {
            // The receiver cannot see the sender's checkout: the moved-source guard runs here, before the event leaves.
            var moved = await CheckSourceMovedAsync(request, history, cancellationToken).ConfigureAwait(false);
            var dispatched = await DispatchAsync(request, image, connection, cancellationToken).ConfigureAwait(false);
            return report with { Results = [.. dispatched.Select(r => r with { Notes = [.. moved, .. r.Notes] })] };
        }

        var branch = request.Branch ?? await connection.Writer.GetDefaultBranchAsync(cancellationToken).ConfigureAwait(false);
        var spec = await LoadSpecAsync(request, connection, branch, cancellationToken).ConfigureAwait(false);
        var (selected, notRouted) = Route(spec, request, image);

        if (selected.Count == 0)
        {
            return report with
            {
                Results = notRouted,
                Notes = [$"No environment of {string.Join(", ", SelectApps(spec, request, image).Select(a => a.Name))} matches tag '{image.Tag}'"
                    + (request.Source.Branch is { } b ? $" from branch '{b}'" : "") + "; nothing to promote."],
            };
        }

        var notes = await CheckSourceMovedAsync(request, history, cancellationToken).ConfigureAwait(false);
        var results = new List<PromotionResult>(notRouted);

        // One read for the files of every environment committed to; each commit then leaves the next one its state.
        var view = new BranchView(branch, selected.Where(s => s.Environment.Mode != PromotionMode.PullRequest).SelectMany(s => s.Environment.Paths).Distinct(StringComparer.Ordinal).ToList());
        foreach (var (app, environment) in selected)
        {
            var context = new PromotionContext(request, app, environment, image, connection, branch) { SourceHistory = history };
            Log.LogInformation("Promoting {Image} to {App}/{Environment} on {Repository} {Branch} ({Method}, {Mode})",
                image, app.Name, environment.Name, connection.Describe, branch, method.ToName(), environment.Mode);
            var result = environment.Mode == PromotionMode.PullRequest
                ? await PullRequestAsync(context, [], cancellationToken).ConfigureAwait(false)
                : await CommitAsync(context, view, cancellationToken).ConfigureAwait(false);
            results.Add(result with { Notes = [.. notes, .. result.Notes] });
        }

        return report with { Results = results };
    }

    private static ImageReference CheckImage(ImageReference image)
    {
        if (image.Tag is null || image.Digest is null)
        {
            throw new PromotionRequestException(
                $"'{image}' is not pinned: a promotion needs both the tag and the digest (registry/repo:tag@sha256:...). Run CaptureDigest, or pass the digest.");
        }

        return image;
    }

    private async Task<PromotionSpec> LoadSpecAsync(PromotionSettings request, TargetConnection connection, string branch, CancellationToken cancellationToken)
    {
        if (request.Spec is { } spec)
        {
            return spec;
        }

        if (request.SpecPath is { } path)
        {
            return PromotionSpec.Load(path);
        }

        // The spec read rides out the same failures as an attempt does, under the same budget.
        var scope = new RetryScope("the spec " + PromotionSpec.DefaultFileName, connection.Describe, branch, request.Retry);
        var snapshot = await RetryAsync(scope, beyondRaces: true,
            _ => connection.Writer.ReadAsync(branch, [PromotionSpec.DefaultFileName], cancellationToken), cancellationToken).ConfigureAwait(false);
        var file = snapshot.Files[PromotionSpec.DefaultFileName]
            ?? throw new PromotionRequestException(
                $"No promotion spec was given and {connection.Describe} has no {PromotionSpec.DefaultFileName} on {branch}; pass --promotion-spec or add the file.");
        return PromotionSpec.Parse(new System.Text.UTF8Encoding(false).GetString(file.Content).TrimStart('\uFEFF'),
            $"{connection.Describe}@{branch}:{PromotionSpec.DefaultFileName}");
    }
}
