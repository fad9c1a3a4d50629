using Microsoft.Extensions.Logging;
using Pipeline.GitHub;

namespace Pipeline.Promotion;

public sealed partial class Promoter
{
    /// <summary>
    /// Pull request mode: one live pull request per app and environment on the branch the spec names. The change
    /// is always computed from the base branch, so the pull request shows exactly the new pin. An open pull request
    /// whose branch still contains the base head is updated in place (a new commit, title and body refreshed);
    /// one whose branch fell behind the base is superseded: closed with a link to its replacement, which starts
    /// afresh from the base head.
    /// </summary>
    private Task<PromotionResult> PullRequestAsync(PromotionContext context, IReadOnlyList<string> notes, CancellationToken cancellationToken)
    {
        var client = context.Connection.RequireClient("A pull request");
        var repository = context.Connection.Repository!;
        var writer = context.Writer;
        var prBranch = context.PullRequestBranch();
        return WithRetriesAsync(context, prBranch, beyondRaces: false, async attempt =>
        {
            var baseSnapshot = await writer.ReadAsync(context.Branch, context.Environment.Paths, cancellationToken).ConfigureAwait(false);
            attempt.Head = baseSnapshot.HeadSha;
            var edits = EnvironmentEdits.Apply(baseSnapshot, context.Environment, context.Image, writer.Repository);
            CheckWritable(writer, edits);
            var result = Result(context, edits) with { Attempts = attempt.Number, PullRequestBranch = prBranch, Notes = notes };
            if (!edits.Changed)
            {
                return result with { Status = PromotionStatus.AlreadyPromoted, Reason = $"{context.Branch} already pins {context.Image}; no pull request needed." };
            }

            var guardNotes = await CheckMonotonicAsync(context, baseSnapshot, cancellationToken).ConfigureAwait(false);
            var message = context.Message();
            result = result with { Message = message.Text, Notes = [.. notes, .. guardNotes] };
            var open = await client.PullRequests.FindByHeadAsync(repository, prBranch, cancellationToken).ConfigureAwait(false);
            var branchHead = await writer.GetBranchHeadAsync(prBranch, cancellationToken).ConfigureAwait(false);
            var plan = new PullRequestPlan(context, client, repository, prBranch, baseSnapshot, edits, message);
            if (open is not null && branchHead is not null)
            {
                var onBranch = await writer.ReadAsync(prBranch, context.Environment.Paths, cancellationToken).ConfigureAwait(false);
                if (edits.AlreadyIn(onBranch))
                {
                    return result with
                    {
                        Status = PromotionStatus.AlreadyPromoted,
                        PullRequestUrl = open.HtmlUrl,
                        PullRequestNumber = open.Number,
                        Reason = $"Pull request #{open.Number} already proposes {context.Image}; it was left as it is.",
                    };
                }

                return await writer.IsAncestorAsync(baseSnapshot.HeadSha!, branchHead, cancellationToken).ConfigureAwait(false)
                    ? await UpdatePullRequestAsync(plan, result, open, onBranch, cancellationToken).ConfigureAwait(false)
                    : await OpenPullRequestAsync(plan, result, open, branchHead, cancellationToken).ConfigureAwait(false);
            }

            return await OpenPullRequestAsync(plan, result, null, branchHead, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    private async Task<PromotionResult> UpdatePullRequestAsync(PullRequestPlan plan, PromotionResult result, PullRequest open, RepositorySnapshot onBranch, CancellationToken cancellationToken)
    {
        var steps = new List<string>
        {
            $"commit {plan.Edits.Contents.Count} file(s) on {plan.Branch} (on {onBranch.HeadSha}) with the pin computed from {plan.Context.Branch} at {plan.Base.HeadSha}",
            $"refresh the title and body of pull request #{open.Number}",
        };
        steps.AddRange(MergeSteps(plan));
        if (plan.Context.Request.DryRun)
        {
            return result with { Status = PromotionStatus.DryRun, Steps = steps, PullRequestUrl = open.HtmlUrl, PullRequestNumber = open.Number };
        }

        var sha = await plan.Context.Writer.CommitAsync(onBranch, plan.Edits.Contents, plan.Message, cancellationToken).ConfigureAwait(false);
        var updated = await plan.Client.PullRequests.UpdateAsync(plan.Repository, open.Number,
            new PullRequestUpdate { Title = plan.Context.Title(), Body = plan.Body(null) }, cancellationToken).ConfigureAwait(false);
        await LabelAsync(plan, updated, cancellationToken).ConfigureAwait(false);
        Log.LogInformation("Updated pull request #{Number} with {Commit}", updated.Number, sha);
        result = result with { Status = PromotionStatus.PullRequestUpdated, CommitSha = sha, PullRequestUrl = updated.HtmlUrl, PullRequestNumber = updated.Number, Steps = steps };
        return await MergeAsync(plan, updated, sha!, result, cancellationToken).ConfigureAwait(false);
    }

    private async Task<PromotionResult> OpenPullRequestAsync(PullRequestPlan plan, PromotionResult result, PullRequest? superseded, string? staleBranchHead, CancellationToken cancellationToken)
    {
        var steps = new List<string>();
        if (superseded is not null)
        {
            steps.Add($"close pull request #{superseded.Number}: its branch fell behind {plan.Context.Branch}");
        }

        if (staleBranchHead is not null)
        {
            steps.Add($"delete the stale branch {plan.Branch} (at {staleBranchHead})");
        }

        steps.Add($"create branch {plan.Branch} at {plan.Base.HeadSha}");
        steps.Add($"commit {plan.Edits.Contents.Count} file(s) on {plan.Branch}");
        steps.Add($"open a pull request {plan.Branch} -> {plan.Context.Branch}" + (plan.Context.Environment.Labels.Count > 0 ? $" labelled {string.Join(", ", plan.Context.Environment.Labels)}" : ""));
        if (superseded is not null)
        {
            steps.Add($"comment on pull request #{superseded.Number} with a link to the new one");
        }

        steps.AddRange(MergeSteps(plan));
        if (plan.Context.Request.DryRun)
        {
            return result with { Status = PromotionStatus.DryRun, Steps = steps, SupersededPullRequestUrl = superseded?.HtmlUrl };
        }

        var writer = plan.Context.Writer;
        if (superseded is not null)
        {
            // Closed before the branch restarts: GitHub allows one open pull request per head branch.
            await plan.Client.PullRequests.CloseAsync(plan.Repository, superseded.Number, cancellationToken).ConfigureAwait(false);
        }

        if (staleBranchHead is not null)
        {
            await writer.DeleteBranchAsync(plan.Branch, cancellationToken).ConfigureAwait(false);
        }

        await writer.CreateBranchAsync(plan.Branch, plan.Base.HeadSha!, cancellationToken).ConfigureAwait(false);
        string? sha;
        PullRequest opened;
        try
        {
            sha = await writer.CommitAsync(plan.Base with { Branch = plan.Branch }, plan.Edits.Contents, plan.Message, cancellationToken).ConfigureAwait(false);
            var extra = superseded is null ? null : $"Supersedes #{superseded.Number} ({superseded.HtmlUrl}).";
            opened = await plan.Client.PullRequests.CreateAsync(plan.Repository,
                new NewPullRequest(plan.Context.Title(), plan.Branch, plan.Context.Branch) { Body = plan.Body(extra) }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure)
        {
            await DeleteCreatedBranchAsync(writer, plan.Branch, failure).ConfigureAwait(false);
            throw;
        }

        await LabelAsync(plan, opened, cancellationToken).ConfigureAwait(false);
        var notes = result.Notes;
        if (superseded is not null)
        {
            notes = [.. notes, .. await CommentSupersededAsync(plan, superseded, opened, cancellationToken).ConfigureAwait(false)];
        }

        Log.LogInformation("Opened pull request #{Number} {Url}", opened.Number, opened.HtmlUrl);
        result = result with
        {
            Status = PromotionStatus.PullRequestOpened,
            CommitSha = sha,
            PullRequestUrl = opened.HtmlUrl,
            PullRequestNumber = opened.Number,
            SupersededPullRequestUrl = superseded?.HtmlUrl,
            Steps = steps,
            Notes = notes,
        };
        return await MergeAsync(plan, opened, sha!, result, cancellationToken).ConfigureAwait(false);
    }

    private static void CheckWritable(IPromotionWriter writer, EnvironmentEdits edits)
    {
        if (writer.Method == WriteMethod.Contents && edits.Contents.Count > 1)
        {
            throw new PromotionRequestException(Writers.ContentsWriter.OneFilePerCommit(edits.Contents.Select(c => c.Path).ToList()));
        }
    }

    private sealed record PullRequestPlan(PromotionContext Context, IGitHubClient Client, RepositoryId Repository, string Branch,
        RepositorySnapshot Base, EnvironmentEdits Edits, CommitMessage Message)
    {
        public string Body(string? extra) => PromotionMarkdown.PullRequestBody(Context, Edits.Files, extra);
    }
}
