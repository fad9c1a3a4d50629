using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;

namespace Pipeline.Promotion;

public sealed partial class Promoter
{
    /// <summary>
    /// Runs read-apply-write attempts of one environment until one succeeds or the budget is spent. Each attempt holds
    /// its turn in the process's <see cref="PromotionQueue"/>: the branch's turn for the writers that guard the whole
    /// branch, the files' turn for those that guard each file (contents, worktree), so promoters of one process never
    /// race each other. Races are always retried; with <paramref name="beyondRaces"/>, transient failures and untyped
    /// 409/422 refusals are too, the latter only while the branch keeps moving.
    /// </summary>
    private Task<PromotionResult> WithRetriesAsync(PromotionContext context, string branch, bool beyondRaces,
        Func<PromotionAttempt, Task<PromotionResult>> attempt, CancellationToken cancellationToken)
    {
        var perFile = context.Writer.Method is WriteMethod.Contents or WriteMethod.Worktree;
        var scope = new RetryScope($"{context.App.Name}/{context.Environment.Name}", context.Connection.Describe, branch, context.Request.Retry)
        {
            Turn = branch + (perFile ? "\n" + string.Join('\n', context.Environment.Paths) : ""),
            Target = context.Request.Target.ToString(),
            Image = context.Image.ToString(),
        };
        return RetryAsync(scope, beyondRaces, attempt, cancellationToken);
    }

    /// <summary>
    /// The retry loop (see <see cref="PromotionSettings.Retry"/>): between attempts a decorrelated-jitter delay, or longer
    /// when GitHub asks to wait; the turn, when there is one, is held only while an attempt works.
    /// </summary>
    private async Task<T> RetryAsync<T>(RetryScope scope, bool beyondRaces, Func<PromotionAttempt, Task<T>> attempt, CancellationToken cancellationToken)
    {
        var retry = scope.Retry;
        if (retry.Problem() is { } problem)
        {
            throw new PromotionRequestException(problem);
        }

        var working = Stopwatch.StartNew();
        var waited = TimeSpan.Zero;
        var delay = TimeSpan.Zero;
        var uncertain = false;
        var refusals = (Head: (string?)null, Count: 0);
        for (var number = 1; ; number++)
        {
            var current = new PromotionAttempt(number, uncertain);
            Exception failure;
            Setback setback;
            try
            {
                using (await TurnAsync(scope, cancellationToken).ConfigureAwait(false))
                {
                    return await attempt(current).ConfigureAwait(false);
                }
            }
            catch (Exception exception) when (Setback.Of(exception, beyondRaces, DateTimeOffset.UtcNow) is { Kind: not SetbackKind.None } seen
                && !cancellationToken.IsCancellationRequested)
            {
                failure = exception;
                setback = seen;
            }

            // A write that failed without a clear answer may have landed: the next attempt looks for it before writing again.
            uncertain = current.Writing && setback.Kind is SetbackKind.Transient;
            refusals = setback.Kind != SetbackKind.Refusal ? (null, 0)
                : refusals.Count > 0 && refusals.Head == current.Head ? (current.Head, refusals.Count + 1) : (current.Head, 1);
            if (refusals.Count >= Setback.RefusalsOnOneHead)
            {
                Log.LogWarning("{Branch} refused {Count} attempts in a row while it stayed at {Head}: not a race, so not retried", scope.Branch, refusals.Count, current.Head ?? "(unknown)");
                ExceptionDispatchInfo.Throw(failure);
            }

            delay = retry.NextDelay(delay, _options.Random);
            if (setback.Wait is { } asked && asked > delay)
            {
                delay = asked;
            }

            var spent = working.Elapsed + waited;
            if (!retry.Allows(number, spent, delay))
            {
                throw GiveUp(scope, current, spent, uncertain, failure);
            }

            Log.LogInformation("{Branch}: attempt {Attempt} of {What} failed ({Kind}: {Reason}); trying again after {Delay} ms",
                scope.Branch, number, scope.What, setback.Kind, failure.Message, (int)delay.TotalMilliseconds);
            working.Stop();
            await _options.Delay(delay, cancellationToken).ConfigureAwait(false);
            waited += delay;
            working.Start();
        }
    }

    private async Task<IDisposable> TurnAsync(RetryScope scope, CancellationToken cancellationToken) =>
        _options.Queue is { } queue && scope.Turn is { } turn
            ? await queue.TurnAsync(scope.Target ?? scope.Repository, turn, cancellationToken).ConfigureAwait(false)
            : NoTurn.Instance;

    private static PromotionConflictException GiveUp(RetryScope scope, PromotionAttempt last, TimeSpan spent, bool uncertain, Exception failure)
    {
        var retry = scope.Retry;
        var limit = retry.MaxAttempts is { } most && last.Number >= most
            ? $"the limit of {most} attempts"
            : $"the budget of {retry.Budget?.TotalSeconds:0.#} s";
        var outcome = uncertain
            ? $"The last write got no clear answer; look for Promoted-Image: {scope.Image} on {scope.Branch} (running the promotion again is safe: it writes nothing if the pin is there)."
            : "Nothing of this promotion was written.";
        return new PromotionConflictException(scope.Branch, last.Number, spent, last.Head,
            $"{scope.What}: gave up on {scope.Branch} of {scope.Repository} after {last.Number} attempt(s) in {spent.TotalSeconds:0.0} s "
            + $"({limit}); the last attempt read {(last.Head is { } head ? "head " + head : "no head")} and failed: {failure.Message} {outcome} "
            + "Run it again, or raise --promotion-budget (PROMOTION_BUDGET; PromotionRequest.Retry.Budget).",
            failure);
    }

    /// <summary>What a retry loop works on, for its turn and its messages.</summary>
    /// <param name="What">The app and environment, or what is being read.</param>
    /// <param name="Repository">The repository, for messages.</param>
    /// <param name="Branch">The branch.</param>
    /// <param name="Retry">The budget and delays.</param>
    private sealed record RetryScope(string What, string Repository, string Branch, RetryOptions Retry)
    {
        /// <summary>The queue's key within the target: the branch, or the branch and files; null takes no turn.</summary>
        public string? Turn { get; init; }

        /// <summary>The target as the queue knows it.</summary>
        public string? Target { get; init; }

        /// <summary>The image promoted, for the message of a write without a clear answer.</summary>
        public string? Image { get; init; }
    }

    private sealed class NoTurn : IDisposable
    {
        public static readonly NoTurn Instance = new();

        public void Dispose()
        {
        }
    }
}

/// <summary>One read-apply-write attempt, as the retry loop sees it.</summary>
/// <param name="Number">1 for the first.</param>
/// <param name="PreviousWriteUncertain">Whether the previous attempt's write failed without saying whether it landed.</param>
internal sealed record PromotionAttempt(int Number, bool PreviousWriteUncertain)
{
    /// <summary>The head this attempt read; set by the attempt.</summary>
    public string? Head { get; set; }

    /// <summary>True while the write is in flight: a failure then may hide a commit that landed.</summary>
    public bool Writing { get; set; }
}
