namespace Pipeline.Promotion;

/// <summary>
/// Asks several histories in turn, each only when the ones before could not answer: a shallow clone first, say,
/// and the GitHub compare API when the clone lacks the commits. Fails only when none could answer, with every reason.
/// </summary>
public sealed class SourceHistoryChain : ISourceHistory
{
    private readonly IReadOnlyList<ISourceHistory> _histories;

    /// <summary>Creates the chain.</summary>
    /// <param name="histories">The histories, in the order they are asked.</param>
    public SourceHistoryChain(params IReadOnlyList<ISourceHistory> histories)
    {
        ArgumentNullException.ThrowIfNull(histories);
        if (histories.Count == 0)
        {
            throw new ArgumentException("A chain needs at least one source history.", nameof(histories));
        }

        _histories = histories;
    }

    /// <inheritdoc />
    public string Description => string.Join(", then ", _histories.Select(h => h.Description));

    /// <inheritdoc />
    public Task<string> GetBranchHeadAsync(string branch, CancellationToken cancellationToken = default) =>
        FirstAnswerAsync(h => h.GetBranchHeadAsync(branch, cancellationToken));

    /// <inheritdoc />
    public Task<SourceRelation> CompareAsync(string baseCommit, string commit, CancellationToken cancellationToken = default) =>
        FirstAnswerAsync(h => h.CompareAsync(baseCommit, commit, cancellationToken));

    private async Task<T> FirstAnswerAsync<T>(Func<ISourceHistory, Task<T>> ask)
    {
        var reasons = new List<SourceHistoryUnavailableException>();
        foreach (var history in _histories)
        {
            try
            {
                return await ask(history).ConfigureAwait(false);
            }
            catch (SourceHistoryUnavailableException exception)
            {
                reasons.Add(exception);
            }
        }

        throw reasons.Count == 1
            ? reasons[0]
            : new SourceHistoryUnavailableException(string.Join(" Then: ", reasons.Select(r => r.Message)), new AggregateException(reasons));
    }
}
