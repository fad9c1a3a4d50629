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

    private async Task<PromotionTrailers?> FindLastPromotionAsync(PromotionContext context, string head, CancellationToken cancellationToken)
    {
        // Only commits that changed the environment's files can have pinned it, so the writer lists just those.
        var history = context.Writer.ReadHistoryAsync(head, context.Environment.Paths, context.Request.HistoryDepth, cancellationToken);
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
