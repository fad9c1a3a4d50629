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
}
