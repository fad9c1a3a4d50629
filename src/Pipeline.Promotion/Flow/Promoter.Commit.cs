using Microsoft.Extensions.Logging;

namespace Pipeline.Promotion;

public sealed partial class Promoter
{
    /// <summary>Direct commit: read, apply, guard, write; on a conflict read again and re-apply to the new head.</summary>
    private Task<PromotionResult> CommitAsync(PromotionContext context, CancellationToken cancellationToken) =>
        WithRetriesAsync(context, context.Branch, async attempt =>
        {
            var writer = context.Writer;
            var snapshot = await writer.ReadAsync(context.Branch, context.Environment.Paths, cancellationToken).ConfigureAwait(false);
            var edits = EnvironmentEdits.Apply(snapshot, context.Environment, context.Image, writer.Repository);
            CheckWritable(writer, edits);
            var result = Result(context, edits) with { Attempts = attempt };
            if (!edits.Changed)
            {
                return result with
                {
                    Status = PromotionStatus.AlreadyPromoted,
                    Reason = $"{context.Branch} already pins {context.Image}" + (snapshot.HeadSha is { } h ? $" at {h}" : "") + "; nothing was written.",
                };
            }

            var notes = await CheckMonotonicAsync(context, snapshot.HeadSha, cancellationToken).ConfigureAwait(false);
            var message = context.Message();
            var steps = new List<string>
            {
                $"read {string.Join(", ", context.Environment.Paths)} from {context.Branch} of {writer.Repository}" + (snapshot.HeadSha is { } head ? $" at {head}" : ""),
                Describe(writer, edits, context.Branch, snapshot.HeadSha),
            };
            result = result with { Message = message.Text, Notes = notes, Steps = steps };
            if (context.Request.DryRun)
            {
                return result with { Status = PromotionStatus.DryRun };
            }

            try
            {
                var sha = await writer.CommitAsync(snapshot, edits.Contents, message, cancellationToken).ConfigureAwait(false);
                Log.LogInformation("Promoted {App}/{Environment}: {Commit}", context.App.Name, context.Environment.Name, sha ?? "(files written)");
                return result with { Status = sha is null ? PromotionStatus.Written : PromotionStatus.Committed, CommitSha = sha };
            }
            catch (ProtectedBranchException exception) when (context.Environment.FallbackToPullRequest && writer.SupportsBranches && context.Connection.Client is not null)
            {
                Log.LogWarning("{Branch} refused the direct commit; opening a pull request instead", context.Branch);
                return await PullRequestAsync(context,
                    [$"Branch protection refused the direct commit to {context.Branch} ({exception.Message}); opened a pull request instead (fallbackToPullRequest)."],
                    cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken);

    private async Task<PromotionResult> WithRetriesAsync(PromotionContext context, string branch, Func<int, Task<PromotionResult>> attempt, CancellationToken cancellationToken)
    {
        var retry = context.Request.Retry;
        for (var number = 1; ; number++)
        {
            try
            {
                return await attempt(number).ConfigureAwait(false);
            }
            catch (WriteConflictException conflict) when (number < retry.MaxAttempts)
            {
                var delay = retry.DelayFor(number, _options.Random);
                Log.LogInformation("{Branch} moved during attempt {Attempt} ({Reason}); re-reading after {Delay} ms", branch, number, conflict.Message, (int)delay.TotalMilliseconds);
                await _options.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
            catch (WriteConflictException conflict)
            {
                throw new PromotionConflictException(branch, number,
                    $"{context.App.Name}/{context.Environment.Name}: {branch} kept moving; gave up after {number} attempts, nothing of this promotion was written. "
                    + "Run the promotion again, or raise PromotionRetryOptions.MaxAttempts.", conflict);
            }
        }
    }

    private static PromotionResult Result(PromotionContext context, EnvironmentEdits edits) =>
        new(context.App.Name, context.Environment.Name, PromotionStatus.DryRun)
        {
            Image = context.Image.ToString(),
            Repository = context.Connection.Describe,
            Branch = context.Branch,
            Method = context.Writer.Method,
            Files = edits.Files,
        };

    private static string Describe(IPromotionWriter writer, EnvironmentEdits edits, string branch, string? head)
    {
        var files = $"{edits.Contents.Count} file(s) ({string.Join(", ", edits.Contents.Select(c => c.Path))})";
        return writer.Method switch
        {
            WriteMethod.GraphQL => $"commit {files} on {branch} with createCommitOnBranch, expectedHeadOid {head}",
            WriteMethod.GitData => $"create blobs, a tree and a commit on {head}, then fast-forward {branch} to it ({files})",
            WriteMethod.Contents => $"PUT {files} on {branch}, guarded by the file's blob sha",
            WriteMethod.Git => $"commit {files} on {head} and push it to {branch} without force",
            _ => $"write {files} in place",
        };
    }
}
