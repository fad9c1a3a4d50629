using Pipeline.Rehearsal.GitHub.Rest.GitData;

namespace Pipeline.Rehearsal.GitHub.Rest.Commits;

/// <summary>Builds <c>commit</c>, <c>diff-entry</c> and branch shapes.</summary>
internal static class CommitPresenter
{
    public static CommitJson Commit(GitHubState state, RepositoryState repository, GitCommit commit, Links links,
        IReadOnlyList<DiffEntryJson>? files = null)
    {
        var repo = links.Repo(repository.FullName);
        var html = links.RepoHtml(repository.FullName);
        return new CommitJson(
            repo + "/commits/" + commit.Sha,
            commit.Sha,
            NodeIds.ForSha("C_kwDO", commit.Sha),
            html + "/commit/" + commit.Sha,
            repo + "/commits/" + commit.Sha + "/comments",
            new CommitDetailJson(
                repo + "/git/commits/" + commit.Sha,
                GitPresenter.User(commit.Author),
                GitPresenter.User(commit.Committer),
                commit.Message,
                0,
                new ShaUrlJson(commit.Tree, repo + "/git/trees/" + commit.Tree),
                GitPresenter.Verification(repository, commit)),
            AccountOf(state, commit.Author, links),
            AccountOf(state, commit.Committer, links),
            commit.Parents.Select(p => new ParentJson(p, repo + "/commits/" + p, html + "/commit/" + p)).ToList(),
            files);
    }

    public static async Task<IReadOnlyList<DiffEntryJson>> FilesAsync(RepositoryState repository, string from, string to,
        Links links, CancellationToken ct)
    {
        var changes = await repository.Git.ChangedPathsAsync(from, to, ct);
        var entries = new List<DiffEntryJson>();
        foreach (var (status, path, additions, deletions) in changes)
        {
            var blob = status == "D" ? null : (await repository.Git.FindEntryAsync(to, path, ct))?.Sha;
            var repo = links.Repo(repository.FullName);
            var html = links.RepoHtml(repository.FullName);
            var escaped = string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
            entries.Add(new DiffEntryJson(blob, path, status switch
            {
                "A" => "added",
                "D" => "removed",
                _ => "modified",
            }, additions, deletions, additions + deletions, html + "/blob/" + to + "/" + escaped, html + "/raw/" + to + "/" + escaped,
                repo + "/contents/" + escaped + "?ref=" + to));
        }

        return entries;
    }

    private static UserJson? AccountOf(GitHubState state, GitIdentity identity, Links links)
    {
        if (identity.Email == "noreply@github.com")
        {
            return UserJson.From(state.Account("web-flow"), links);
        }

        return state.FindAccount(identity.Name) is { } account ? UserJson.From(account, links) : null;
    }
}
