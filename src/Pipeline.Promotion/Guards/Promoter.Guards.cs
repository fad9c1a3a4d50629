using Microsoft.Extensions.Logging;

namespace Pipeline.Promotion;

public sealed partial class Promoter
{
    /// <summary>
    /// The moved-source guard: when the source branch and commit are known, the branch must still point at the built
    /// commit, else the promotion stops before anything is written. When the history cannot tell where the branch is,
    /// the promotion stops too: only <see cref="PromotionSettings.AllowMovedSource"/> turns the guard off, and says so.
    /// </summary>
    private async Task<List<string>> CheckSourceMovedAsync(PromotionRequest request, ISourceHistory? history, CancellationToken cancellationToken)
    {
        var source = request.Source;
        if (source.Branch is null || source.Commit is null)
        {
            return [GuardOff($"Moved-source guard not checked: the source {(source.Commit is null ? "commit" : "branch")} is not known (no branch, no moving).")];
        }

        if (request.Dispatched && request.SourceHistory is null)
        {
            return [$"Moved-source guard run by the sender: it checked {source.Branch} before it dispatched; the receiver was given no source history to check again."];
        }

        string head;
        try
        {
            head = history is null
                ? throw new SourceHistoryUnavailableException("No source history was given, and the source repository is not an owner/name the GitOps credentials could read.")
                : await history.GetBranchHeadAsync(source.Branch, cancellationToken).ConfigureAwait(false);
        }
        catch (SourceHistoryUnavailableException unavailable)
        {
            if (request.AllowMovedSource)
            {
                return [GuardOff($"Moved-source guard off (--allow-moved-source): where {source.Branch} is now was not checked. {unavailable.Message}")];
            }

            throw new SourceHistoryUnavailableException(
                $"The moved-source guard cannot tell whether {source.Branch} still points at {source.Commit}: {unavailable.Message} Nothing was written. "
                + "Give the build the source history (GITHUB_TOKEN on GitHub Actions, or a clone it may fetch), or pass --allow-moved-source to promote without this guard.",
                unavailable);
        }

        if (string.Equals(head, source.Commit, StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        if (request.AllowMovedSource)
        {
            Log.LogWarning("Source branch {Branch} moved from {Built} to {Head}; promoting anyway as allowed", source.Branch, source.Commit, head);
            return [$"Source branch {source.Branch} moved on to {head} since {source.Commit} was built; promoted anyway (--allow-moved-source)."];
        }

        throw new SourceMovedException(source.Branch, source.Commit, head,
            $"Source branch {source.Branch} of {history!.Description} moved on to {head} while {source.Commit} was being built; nothing was written, "
            + "so the newer commit's own build can promote. Pass --allow-moved-source to promote this image anyway.");
    }

    /// <summary>
    /// The monotonic guard: finds the last promotion of this image to this environment in the target branch's history
    /// (by its <c>Environment:</c> and <c>Promoted-Image:</c> trailers) and refuses to replace a pin built from a
    /// newer source commit. Diverged commits (another branch) are allowed. When the source history cannot tell which
    /// is newer, the promotion stops: only <see cref="PromotionSettings.Rollback"/> turns the guard off, and says so.
    /// </summary>
    private async Task<List<string>> CheckMonotonicAsync(PromotionContext context, RepositorySnapshot snapshot, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var head = snapshot.HeadSha;
        if (head is null || request.Source.Commit is not { } commit)
        {
            return [GuardOff(head is null ? "Monotonic guard not checked: the target has no history (worktree)." : "Monotonic guard not checked: the source commit is not known.")];
        }

        var last = await FindLastPromotionAsync(context, snapshot, head, cancellationToken).ConfigureAwait(false);
        if (last?.SourceCommit is not { } pinned || string.Equals(pinned, commit, StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        if (last.SourceRepository is { } repository && request.Source.Repository is { } ours && !string.Equals(repository, ours, StringComparison.OrdinalIgnoreCase))
        {
            return [GuardOff($"Monotonic guard not checked: the pin in place was built from {repository}, not {ours}.")];
        }

        SourceRelation relation;
        try
        {
            relation = context.SourceHistory is { } history
                ? await history.CompareAsync(pinned, commit, cancellationToken).ConfigureAwait(false)
                : throw new SourceHistoryUnavailableException("No source history was given, and the source repository is not an owner/name the GitOps credentials could read.");
        }
        catch (SourceHistoryUnavailableException unavailable)
        {
            if (request.Rollback)
            {
                return [GuardOff($"Monotonic guard off (--rollback): whether {commit} is older than the pin in place ({pinned}) was not checked. {unavailable.Message}")];
            }

            throw new SourceHistoryUnavailableException(
                $"{context.App.Name}/{context.Environment.Name} pins {last.PromotedImage ?? "an image"} built from {pinned}, and the monotonic guard cannot tell "
                + $"whether {commit} is newer: {unavailable.Message} Nothing was written. Give the build the source history (GITHUB_TOKEN on GitHub Actions, "
                + "or a clone it may fetch), or pass --rollback to replace the pin without this guard.", unavailable);
        }

        if (relation != SourceRelation.Behind)
        {
            return relation == SourceRelation.Diverged ? [$"The pin in place comes from {pinned}, which is on another line of history than {commit}."] : [];
        }

        if (request.Rollback)
        {
            return [$"Rolled back: the pin in place ({last.PromotedImage}) was built from {pinned}, newer than {commit}."];
        }

        throw new NewerPinException(context.App.Name, context.Environment.Name, pinned, last.PromotedImage, commit,
            $"{context.App.Name}/{context.Environment.Name} pins {last.PromotedImage ?? "an image"} built from {pinned}, which is newer than {commit}; "
            + "nothing was written. Pass --rollback to replace it with the older image on purpose.");
    }

    private void WarnGuardsOff(PromotionRequest request)
    {
        if (request.AllowMovedSource)
        {
            Log.LogWarning("Moved-source guard off (--allow-moved-source): an image whose source branch moved on may be promoted");
        }

        if (request.Rollback)
        {
            Log.LogWarning("Monotonic guard off (--rollback): an image built from an older commit may replace a newer pin");
        }
    }

    /// <summary>A guard that did not run is never silent: it is logged as a warning and noted in the result.</summary>
    private string GuardOff(string note)
    {
        Log.LogWarning("{Note}", note);
        return note;
    }
}
