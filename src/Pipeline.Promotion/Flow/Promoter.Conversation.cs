using Microsoft.Extensions.Logging;
using Pipeline.GitHub;

namespace Pipeline.Promotion;

public sealed partial class Promoter
{
    private static async Task LabelAsync(PullRequestPlan plan, PullRequest pull, CancellationToken cancellationToken)
    {
        var missing = plan.Context.Environment.Labels.Where(l => !pull.Labels.Any(p => p.Name == l)).ToList();
        if (missing.Count > 0)
        {
            await plan.Client.PullRequests.AddLabelsAsync(plan.Repository, pull.Number, missing, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Tells the superseded pull request's conversation where the promotion went. The new pull request is open by now,
    /// so a refused comment is noted rather than failing the promotion.
    /// </summary>
    private async Task<IReadOnlyList<string>> CommentSupersededAsync(PullRequestPlan plan, PullRequest superseded, PullRequest opened, CancellationToken cancellationToken)
    {
        var comment = $"Superseded by #{opened.Number} ({opened.HtmlUrl}): {plan.Context.Branch} moved on since this pull request was opened, "
            + $"so the promotion of {plan.Context.Image} continues there.";
        try
        {
            await plan.Client.PullRequests.CreateCommentAsync(plan.Repository, superseded.Number, comment, cancellationToken).ConfigureAwait(false);
            return [];
        }
        catch (GitHubException exception)
        {
            Log.LogWarning("Could not comment on superseded pull request #{Number}: {Reason}", superseded.Number, exception.Message);
            return [$"Pull request #{superseded.Number} was closed, but the comment linking #{opened.Number} was refused: {exception.Message}"];
        }
    }
}
