using Microsoft.Extensions.Logging;
using Pipeline.GitHub;

namespace Pipeline.Promotion;

public sealed partial class Promoter
{
    /// <summary>
    /// A promotion that created its branch but opened no pull request leaves no branch behind: nobody would ever
    /// review or delete it. Best effort, and never in place of the failure that caused it.
    /// </summary>
    private async Task DeleteCreatedBranchAsync(IPromotionWriter writer, string branch, Exception failure)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await writer.DeleteBranchAsync(branch, timeout.Token).ConfigureAwait(false);
            Log.LogWarning("Deleted {Branch} again: the pull request could not be opened ({Reason})", branch, failure.Message);
        }
        catch (Exception cleanup) when (cleanup is PromotionException or GitHubException or OperationCanceledException or HttpRequestException)
        {
            Log.LogWarning("Could not delete {Branch} after the failed promotion ({Reason}); delete it by hand", branch, cleanup.Message);
        }
    }
}
