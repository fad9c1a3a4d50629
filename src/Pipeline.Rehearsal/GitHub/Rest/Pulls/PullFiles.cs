using Pipeline.Rehearsal.GitHub.Rest.Commits;

namespace Pipeline.Rehearsal.GitHub.Rest.Pulls;

/// <summary>What a pull request changes: its range (merge base to head) and its files with their patches.</summary>
internal static class PullFiles
{
    /// <summary>From the merge base of base and head (the base at merge time, once merged) to the head.</summary>
    public static async Task<(string From, string To)> RangeAsync(RepositoryState repository, PullRequestState pull, CancellationToken ct)
    {
        var head = pull.HeadShaAtClose ?? await repository.Git.ReadRefAsync("refs/heads/" + pull.HeadRef, ct)
            ?? throw new ApiErrorException(404, "The head branch of this pull request no longer exists", PullEndpoints.Docs);
        var @base = pull.MergeCommitSha is { } merged
            ? (await repository.Git.ReadCommitAsync(merged, ct))!.Parents[0]
            : await repository.Git.ReadRefAsync("refs/heads/" + pull.BaseRef, ct) ?? head;
        return (await repository.Git.MergeBaseAsync(@base, head, ct) ?? @base, head);
    }

    public static async Task<IReadOnlyList<DiffEntryJson>> ListAsync(RepositoryState repository, PullRequestState pull, Links links,
        CancellationToken ct)
    {
        var (from, to) = await RangeAsync(repository, pull, ct);
        var hunks = CommitText.Hunks(await CommitText.DiffAsync(repository, from, to, patch: false, ct));
        return (await CommitPresenter.FilesAsync(repository, from, to, links, ct))
            .Select(file => file with { Patch = hunks.GetValueOrDefault(file.Filename) })
            .ToList();
    }
}
