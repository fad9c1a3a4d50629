using Microsoft.Extensions.Logging;

namespace Pipeline.Promotion;

public sealed partial class Promoter
{
    /// <summary>
    /// The moved-source guard: when the source branch is known and its history reachable, the branch must still point
    /// at the built commit; otherwise the promotion stops before anything is written (unless allowed).
    /// </summary>
    private async Task<List<string>> CheckSourceMovedAsync(PromotionRequest request, CancellationToken cancellationToken)
    {
        var source = request.Source;
        if (source.Branch is null || source.Commit is null)
        {
            return ["Moved-source guard not checked: the source branch or commit is not known."];
        }

        if (request.SourceHistory is not { } history)
        {
            return ["Moved-source guard not checked: no access to the source repository's history was given."];
        }

        var head = await history.GetBranchHeadAsync(source.Branch, cancellationToken).ConfigureAwait(false);
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
            $"Source branch {source.Branch} of {history.Description} moved on to {head} while {source.Commit} was being built; nothing was written, "
            + "so the newer commit's own build can promote. Pass --allow-moved-source to promote this image anyway.");
    }

    /// <summary>
    /// The monotonic guard: finds the last promotion of this image to this environment in the target branch's history
    /// (by its <c>Environment:</c> and <c>Promoted-Image:</c> trailers) and refuses to replace a pin built from a
    /// newer source commit, unless rolling back. Diverged commits (another branch) are allowed.
    /// </summary>
    private async Task<List<string>> CheckMonotonicAsync(PromotionContext context, string? head, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (head is null || request.Source.Commit is not { } commit)
        {
            return head is null ? ["Monotonic guard not checked: the target has no history (worktree)."] : ["Monotonic guard not checked: the source commit is not known."];
        }

        // Without the source history no comparison is possible, so the target's history is not walked either.
        if (request.SourceHistory is not { } history)
        {
            return ["Monotonic guard not checked: no access to the source repository's history was given."];
        }

        var last = await FindLastPromotionAsync(context, head, cancellationToken).ConfigureAwait(false);
        if (last?.SourceCommit is not { } pinned || string.Equals(pinned, commit, StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        if (last.SourceRepository is { } repository && request.Source.Repository is { } ours && !string.Equals(repository, ours, StringComparison.OrdinalIgnoreCase))
        {
            return [$"Monotonic guard not checked: the pin in place was built from {repository}, not {ours}."];
        }

        var relation = await history.CompareAsync(pinned, commit, cancellationToken).ConfigureAwait(false);
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
