namespace Pipeline.Rehearsal.GitHub.State;

internal sealed partial class GitHubState
{
    /// <summary>Runs when branches moved or checks changed, so that pull requests waiting to auto-merge can merge.</summary>
    public Func<RepositoryState, CancellationToken, Task>? AutoMerge { get; set; }

    public Task RefsChangedAsync(RepositoryState repository, CancellationToken ct) =>
        AutoMerge?.Invoke(repository, ct) ?? Task.CompletedTask;
}
