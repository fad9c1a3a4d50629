namespace Pipeline.Containers;

/// <summary>Runs work items at once, at most <c>parallel</c> at a time; the first failure cancels the rest and is the one thrown.</summary>
internal static class Concurrently
{
    public static async Task<TResult[]> RunAsync<TItem, TResult>(
        IReadOnlyList<TItem> items,
        int parallel,
        Func<TItem, CancellationToken, Task<TResult>> work,
        CancellationToken cancellationToken)
    {
        using var failFast = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var gate = new SemaphoreSlim(parallel <= 0 ? items.Count : parallel);
        var tasks = items.Select(async item =>
        {
            await gate.WaitAsync(failFast.Token).ConfigureAwait(false);
            try
            {
                return await work(item, failFast.Token).ConfigureAwait(false);
            }
            catch
            {
                await failFast.CancelAsync().ConfigureAwait(false);
                throw;
            }
            finally
            {
                gate.Release();
            }
        }).ToArray();
        try
        {
            return await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            var failure = tasks.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!).FirstOrDefault(e => e is not OperationCanceledException);
            if (failure is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            }

            throw;
        }
    }
}
