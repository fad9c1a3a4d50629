namespace Pipeline.Rehearsal.GitHub.State;

internal sealed partial class GitHubState
{
    /// <summary>Runs when branches moved or checks changed, so that pull requests waiting to auto-merge can merge.</summary>
    public Func<RepositoryState, CancellationToken, Task>? AutoMerge { get; set; }

    public Task RefsChangedAsync(RepositoryState repository, CancellationToken ct) =>
        AutoMerge?.Invoke(repository, ct) ?? Task.CompletedTask;

    public void SetCheck(RepositoryState repository, string sha, string name, CheckConclusion conclusion)
    {
        lock (repository.Checks)
        {
            if (!repository.Checks.TryGetValue(sha, out var checks))
            {
                checks = new Dictionary<string, CheckConclusion>(StringComparer.Ordinal);
                repository.Checks[sha] = checks;
            }

            checks[name] = conclusion;
        }
    }

    /// <summary>Records a commit status; its context then counts as a check of that conclusion.</summary>
    public StatusState AddStatus(RepositoryState repository, string sha, string state, string context, string? description,
        string? targetUrl, AccountState? creator)
    {
        var status = new StatusState(NextId(), sha, state, context, description, targetUrl, creator, Now);
        lock (repository.Statuses)
        {
            if (!repository.Statuses.TryGetValue(sha, out var list))
            {
                repository.Statuses[sha] = list = [];
            }

            list.Add(status);
        }

        SetCheck(repository, sha, context, state switch
        {
            "success" => CheckConclusion.Success,
            "pending" => CheckConclusion.Pending,
            _ => CheckConclusion.Failure,
        });
        return status;
    }

    public IReadOnlyList<StatusState> StatusesOf(RepositoryState repository, string sha)
    {
        lock (repository.Statuses)
        {
            return repository.Statuses.TryGetValue(sha, out var list) ? [.. list] : [];
        }
    }
}
