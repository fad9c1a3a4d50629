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

        // The branch's name costs no request of its own where the writer reads the default branch with the spec or files.
        var (knownBranch, spec, primed) = await OpenAsync(request, connection, image, cancellationToken).ConfigureAwait(false);
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

        // One read for the files of every environment committed to and their guards' histories; each commit then leaves
        // the next one its state.
        var committed = Committed(selected);
        var view = primed ?? new BranchView(knownBranch, FilesOf(committed), HistoriesToRead(request, committed));
        var branch = knownBranch ?? (committed.Count > 0
            ? await OpenDefaultBranchAsync(request, connection, view, cancellationToken).ConfigureAwait(false)
            : await connection.Writer.GetDefaultBranchAsync(cancellationToken).ConfigureAwait(false));
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

    private static List<EnvironmentSpec> Committed(IEnumerable<(AppSpec App, EnvironmentSpec Environment)> selected) =>
        [.. selected.Where(s => s.Environment.Mode != PromotionMode.PullRequest).Select(s => s.Environment)];

    private static List<string> FilesOf(IEnumerable<EnvironmentSpec> environments) =>
        [.. environments.SelectMany(e => e.Paths).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The target branch (null until a read names the default branch), the spec, and, when the spec this process read
    /// from the branch before is still the one there, a view that already holds the files: the spec, the files it names
    /// and the guards' histories then come in one query, and the commit follows. Otherwise the spec is read on its own.
    /// </summary>
    private async Task<(string? Branch, PromotionSpec Spec, BranchView? Primed)> OpenAsync(PromotionRequest request, TargetConnection connection,
        ImageReference image, CancellationToken cancellationToken)
    {
        if (GivenSpec(request) is { } given)
        {
            return (request.Branch, given, null);
        }

        if (connection.Writer is not Writers.IBranchReader || _options.SpecMemory?.Recall(MemoryKey(request.Target), request.Branch) is not { } remembered)
        {
            var (branch, spec) = await ReadSpecAsync(request, connection, cancellationToken).ConfigureAwait(false);
            return (branch, spec, null);
        }

        List<EnvironmentSpec> committed;
        try
        {
            committed = Committed(Route(remembered.Spec, request, image).Selected);
        }
        catch (PromotionRequestException)
        {
            // The remembered spec does not route this image; the spec on the branch may, so it is read on its own.
            committed = [];
        }

        var view = new BranchView(request.Branch, [PromotionSpec.DefaultFileName, .. FilesOf(committed)], HistoriesToRead(request, committed));
        var snapshot = await ReadViewAsync(request, connection, view, "the spec " + PromotionSpec.DefaultFileName + " and the files it names", cancellationToken).ConfigureAwait(false);
        if (snapshot.Files.GetValueOrDefault(PromotionSpec.DefaultFileName) is { BlobSha: { } sha } && sha == remembered.BlobSha)
        {
            return (snapshot.Branch, remembered.Spec, committed.Count > 0 ? view : null);
        }

        Log.LogInformation("{File} changed on {Branch} since this process read it; reading the files it names now", PromotionSpec.DefaultFileName, snapshot.Branch);
        return (snapshot.Branch, Remember(request, snapshot, connection), null);
    }

    /// <summary>The target as the spec memory knows it: the repository, on its GitHub host.</summary>
    private static string MemoryKey(PromotionTarget target) => (target.Endpoint?.Api.ToString() ?? "") + " " + target;

    /// <summary>Parses the spec of <paramref name="snapshot"/> and remembers it for the next promotion to the branch.</summary>
    private PromotionSpec Remember(PromotionSettings request, RepositorySnapshot snapshot, TargetConnection connection)
    {
        var spec = ParseSpec(snapshot, connection);
        if (_options.SpecMemory is { } memory && snapshot.Files[PromotionSpec.DefaultFileName]?.BlobSha is { } sha)
        {
            memory.Remember(MemoryKey(request.Target), request.Branch, new PromotionSpecMemory.Remembered(spec, sha));
        }

        return spec;
    }

    /// <summary>The spec passed in the request or as a file, or null when it is to be read from the branch.</summary>
    private static PromotionSpec? GivenSpec(PromotionSettings request) =>
        request.Spec ?? (request.SpecPath is { } path ? PromotionSpec.Load(path) : null);

    /// <summary>The spec read from the branch; from the default branch it comes with the branch's name in one request where the writer can (GraphQL, git data).</summary>
    private async Task<(string Branch, PromotionSpec Spec)> ReadSpecAsync(PromotionSettings request, TargetConnection connection, CancellationToken cancellationToken)
    {
        var view = new BranchView(request.Branch, [PromotionSpec.DefaultFileName], []);
        var snapshot = await ReadViewAsync(request, connection, view, "the spec " + PromotionSpec.DefaultFileName, cancellationToken).ConfigureAwait(false);
        return (snapshot.Branch, Remember(request, snapshot, connection));
    }

    /// <summary>The default branch's name, from the first read of the files (which the first commit then uses).</summary>
    private async Task<string> OpenDefaultBranchAsync(PromotionSettings request, TargetConnection connection, BranchView view, CancellationToken cancellationToken) =>
        (await ReadViewAsync(request, connection, view, "the files to promote", cancellationToken).ConfigureAwait(false)).Branch;

    /// <summary>A fresh read of <paramref name="view"/>, riding out the same failures as an attempt does, under the same budget.</summary>
    private Task<RepositorySnapshot> ReadViewAsync(PromotionSettings request, TargetConnection connection, BranchView view, string what, CancellationToken cancellationToken)
    {
        var scope = new RetryScope(what, connection.Describe, view.Branch ?? "the default branch", request.Retry);
        return RetryAsync(scope, beyondRaces: true, _ => view.ReadAsync(connection.Writer, [], fresh: true, cancellationToken), cancellationToken);
    }

    private static PromotionSpec ParseSpec(RepositorySnapshot snapshot, TargetConnection connection)
    {
        var file = snapshot.Files[PromotionSpec.DefaultFileName]
            ?? throw new PromotionRequestException(
                $"No promotion spec was given and {connection.Describe} has no {PromotionSpec.DefaultFileName} on {snapshot.Branch}; pass --promotion-spec or add the file.");
        return PromotionSpec.Parse(new System.Text.UTF8Encoding(false).GetString(file.Content).TrimStart('\uFEFF'),
            $"{connection.Describe}@{snapshot.Branch}:{PromotionSpec.DefaultFileName}");
    }
}
