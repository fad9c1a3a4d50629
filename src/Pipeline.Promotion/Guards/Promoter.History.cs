using Pipeline.GitHub;

namespace Pipeline.Promotion;

public sealed partial class Promoter
{
    /// <summary>
    /// The history the guards ask: the request's, or else, for a source repository named <c>owner/name</c> on the
    /// GitOps repository's GitHub, the compare API through the GitOps credentials.
    /// </summary>
    private static ISourceHistory? SourceHistoryFor(PromotionRequest request, TargetConnection connection) =>
        request.SourceHistory
        ?? (connection.Client is { } client && request.Source.Repository is { } repository && OwnerAndName().IsMatch(repository)
            ? new GitHubSourceHistory(client, RepositoryId.Parse(repository))
            : null);

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}$")]
    private static partial System.Text.RegularExpressions.Regex OwnerAndName();

    /// <summary>
    /// The history the monotonic guard searches: the newest commits that changed the environment's files, as read
    /// together with <paramref name="snapshot"/> when that read listed enough of them, else listed by the writer.
    /// </summary>
    private static IAsyncEnumerable<HistoryCommit> EnvironmentHistory(PromotionContext context, RepositorySnapshot snapshot, string head, CancellationToken cancellationToken)
    {
        var folder = Writers.HistoryPaths.SharedFolder(context.Environment.Paths);
        var depth = context.Request.HistoryDepth;
        return snapshot.Histories.FirstOrDefault(h => h.Path == folder && (h.Complete || h.Commits.Count >= depth)) is { } known
            ? known.Commits.Take(depth).ToAsyncEnumerable()
            : context.Writer.ReadHistoryAsync(head, context.Environment.Paths, depth, cancellationToken);
    }

    /// <summary>
    /// The history read with the files for each committed environment whose monotonic guard will search it; none when
    /// the guard searches deeper than one page (100 commits), which the writer then lists on its own.
    /// </summary>
    private static List<HistoryRead> HistoriesToRead(PromotionRequest request, IEnumerable<EnvironmentSpec> environments) =>
        request.Source.Commit is null || request.HistoryDepth > MaxHistoryPage
            ? []
            : [.. environments.Select(e => Writers.HistoryPaths.SharedFolder(e.Paths)).Distinct(StringComparer.Ordinal)
                .Select(folder => new HistoryRead(folder, Math.Max(request.HistoryDepth, 1)))];

    /// <summary>The most commits one history page of the GraphQL read holds.</summary>
    private const int MaxHistoryPage = 100;

    private async Task<PromotionTrailers?> FindLastPromotionAsync(PromotionContext context, RepositorySnapshot snapshot, string head, CancellationToken cancellationToken)
    {
        // Only commits that changed the environment's files can have pinned it, so the writer lists just those.
        var history = EnvironmentHistory(context, snapshot, head, cancellationToken);
        await foreach (var commit in history.ConfigureAwait(false))
        {
            var trailers = PromotionTrailers.Parse(commit.Message);
            if (string.Equals(trailers.Environment, context.Environment.Name, StringComparison.Ordinal)
                && trailers.PromotedImage is { } promoted
                && (promoted.StartsWith(context.App.Image.Name + ":", StringComparison.Ordinal) || promoted.StartsWith(context.App.Image.Name + "@", StringComparison.Ordinal)))
            {
                return trailers;
            }
        }

        return null;
    }
}
