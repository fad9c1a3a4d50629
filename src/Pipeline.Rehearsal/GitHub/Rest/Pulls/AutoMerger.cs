namespace Pipeline.Rehearsal.GitHub.Rest.Pulls;

/// <summary>Merges pull requests whose auto-merge is enabled as soon as they can merge (checks passed, no conflict).</summary>
internal static class AutoMerger
{
    public static async Task RunAsync(GitHubState state, RepositoryState repository, CancellationToken ct)
    {
        bool merged;
        do
        {
            merged = false;
            List<PullRequestState> waiting;
            lock (repository.PullRequests)
            {
                waiting = repository.PullRequests.Where(p => p.State == "open" && p.AutoMerge is not null).ToList();
            }

            foreach (var pull in waiting)
            {
                if (!(await PullStatus.ComputeAsync(repository, pull, ct)).CanMerge || pull.AutoMerge is not { } auto)
                {
                    continue;
                }

                try
                {
                    await PullMerger.MergeAsync(state, repository, pull, auto.EnabledBy, auto.MergeMethod.ToLowerInvariant(),
                        null, auto.CommitTitle, auto.CommitMessage, ct);
                    merged = true;
                }
                catch (Hosting.ApiErrorException)
                {
                    // Not mergeable after all (the base moved or a check changed); a later event retries.
                }
            }
        }
        while (merged);
    }
}
