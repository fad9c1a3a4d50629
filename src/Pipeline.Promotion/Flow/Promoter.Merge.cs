using Microsoft.Extensions.Logging;
using Pipeline.GitHub;

namespace Pipeline.Promotion;

public sealed partial class Promoter
{
    private static IEnumerable<string> MergeSteps(PullRequestPlan plan)
    {
        var environment = plan.Context.Environment;
        var after = environment.DeleteBranch ? $", then delete {plan.Branch}" : "";
        return environment.Merge switch
        {
            PullRequestMerge.Auto => [$"enable auto-merge ({environment.MergeMethod.ToString().ToLowerInvariant()}){after} once merged"],
            PullRequestMerge.Immediate => [$"merge the pull request ({environment.MergeMethod.ToString().ToLowerInvariant()}){after}"],
            _ => [],
        };
    }

    /// <summary>Auto-merge or merge as the spec says, and delete the branch once merged.</summary>
    private async Task<PromotionResult> MergeAsync(PullRequestPlan plan, PullRequest pull, string headSha, PromotionResult result, CancellationToken cancellationToken)
    {
        var environment = plan.Context.Environment;
        switch (environment.Merge)
        {
            case PullRequestMerge.None:
                return result;
            case PullRequestMerge.Auto:
                try
                {
                    // The headline and body are the squash or merge commit's message, so the trailers reach the base branch.
                    await plan.Client.GraphQL.EnablePullRequestAutoMergeAsync(new AutoMergeRequest(pull.NodeId, environment.MergeMethod)
                    {
                        CommitHeadline = MergeHeadline(plan, pull),
                        CommitBody = plan.Message.Body,
                        ExpectedHeadOid = headSha,
                    }, cancellationToken).ConfigureAwait(false);
                }
                catch (GitHubException exception) when (exception.Message.Contains("clean status", StringComparison.OrdinalIgnoreCase))
                {
                    // GitHub refuses auto-merge for a pull request that can merge right now (no pending checks): merge it.
                    Log.LogInformation("Pull request #{Number} can merge now; merging instead of enabling auto-merge", pull.Number);
                    return await MergeNowAsync(plan, pull, headSha, result with { Notes = [.. result.Notes, "Auto-merge was not needed: the pull request could merge at once."] }, cancellationToken).ConfigureAwait(false);
                }

                var now = await plan.Client.PullRequests.GetAsync(plan.Repository, pull.Number, cancellationToken).ConfigureAwait(false);
                return now.Merged == true
                    ? await MergedAsync(plan, result, now.MergeCommitSha, cancellationToken).ConfigureAwait(false)
                    : result with { Notes = [.. result.Notes, $"Auto-merge enabled on #{pull.Number}; GitHub merges it once required checks pass."] };
            default:
                return await MergeNowAsync(plan, pull, headSha, result, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<PromotionResult> MergeNowAsync(PullRequestPlan plan, PullRequest pull, string headSha, PromotionResult result, CancellationToken cancellationToken)
    {
        var merge = new MergeRequest(plan.Context.Environment.MergeMethod)
        {
            ExpectedHeadSha = headSha,
            CommitTitle = MergeHeadline(plan, pull),
            CommitMessage = plan.Message.Body,
        };
        var merged = await plan.Client.PullRequests.MergeAsync(plan.Repository, pull.Number, merge, cancellationToken).ConfigureAwait(false);
        return await MergedAsync(plan, result, merged.Sha, cancellationToken).ConfigureAwait(false);
    }

    private static string MergeHeadline(PullRequestPlan plan, PullRequest pull) => $"{plan.Message.Subject} (#{pull.Number})";

    private async Task<PromotionResult> MergedAsync(PullRequestPlan plan, PromotionResult result, string? mergeSha, CancellationToken cancellationToken)
    {
        var notes = result.Notes;
        if (plan.Context.Environment.DeleteBranch)
        {
            try
            {
                await plan.Context.Writer.DeleteBranchAsync(plan.Branch, cancellationToken).ConfigureAwait(false);
            }
            catch (GitHubNotFoundException)
            {
                notes = [.. notes, $"{plan.Branch} was already deleted (the repository deletes merged branches)."];
            }
        }

        Log.LogInformation("Merged {Branch} into {Base}: {Commit}", plan.Branch, plan.Context.Branch, mergeSha);
        return result with { Status = PromotionStatus.PullRequestMerged, CommitSha = mergeSha ?? result.CommitSha, Notes = notes };
    }
}
