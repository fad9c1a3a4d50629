using Microsoft.Extensions.Logging;

namespace Pipeline.Promotion;

public sealed partial class Promoter
{
    /// <summary>
    /// Direct commit: read, apply, guard, write; on a conflict read again and re-apply to the new head. The first attempt
    /// reads through <paramref name="view"/>, which holds what the environments before this one read and wrote.
    /// </summary>
    private Task<PromotionResult> CommitAsync(PromotionContext context, BranchView view, CancellationToken cancellationToken) =>
        WithRetriesAsync(context, context.Branch, beyondRaces: true, async attempt =>
        {
            var writer = context.Writer;
            var snapshot = await view.ReadAsync(writer, context.Environment.Paths, fresh: attempt.Number > 1, cancellationToken).ConfigureAwait(false);
            attempt.Head = snapshot.HeadSha;
            var edits = EnvironmentEdits.Apply(snapshot, context.Environment, context.Image, writer.Repository);
            CheckWritable(writer, edits);
            var result = Result(context, edits) with { Attempts = attempt.Number };
            if (!edits.Changed)
            {
                if (attempt.PreviousWriteUncertain && await FindOwnCommitAsync(context, snapshot, cancellationToken).ConfigureAwait(false) is { } own)
                {
                    return result with
                    {
                        Status = PromotionStatus.Committed,
                        CommitSha = own,
                        Message = context.Message().Text,
                        Notes = [$"The answer to an earlier attempt's write was lost; its commit {own} is on {context.Branch}, so it was not written again."],
                    };
                }

                return result with
                {
                    Status = PromotionStatus.AlreadyPromoted,
                    Reason = $"already promoted: {context.Branch} already pins {context.Image}" + (snapshot.HeadSha is { } h ? $" at {h}" : "") + "; nothing was written.",
                };
            }

            var notes = await CheckMonotonicAsync(context, snapshot, cancellationToken).ConfigureAwait(false);
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
                attempt.Writing = true;
                var sha = await writer.CommitAsync(snapshot, edits.Contents, message, cancellationToken).ConfigureAwait(false);
                attempt.Writing = false;
                view.Committed(snapshot, sha, edits.Contents, message);
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
            catch (Exception) when (attempt.Writing)
            {
                view.Forget();
                throw;
            }
        }, cancellationToken);

    /// <summary>
    /// After a write that got no clear answer, the pin found in place may be that write's own commit: the newest commits
    /// that changed the environment's files are searched for this promotion's exact message.
    /// </summary>
    private static async Task<string?> FindOwnCommitAsync(PromotionContext context, RepositorySnapshot snapshot, CancellationToken cancellationToken)
    {
        if (snapshot.HeadSha is not { } head)
        {
            return null;
        }

        var message = context.Message().Text.TrimEnd('\n');
        await foreach (var commit in context.Writer.ReadHistoryAsync(head, context.Environment.Paths, 20, cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(commit.Message.TrimEnd('\n'), message, StringComparison.Ordinal))
            {
                return commit.Sha;
            }
        }

        return null;
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
            WriteMethod.GitData => $"create a tree with the files inline and a commit on {head}, then fast-forward {branch} to it ({files})",
            WriteMethod.Contents => $"PUT {files} on {branch}, guarded by the file's blob sha",
            WriteMethod.Git => $"commit {files} on {head} and push it to {branch} without force",
            _ => $"write {files} in place",
        };
    }
}
