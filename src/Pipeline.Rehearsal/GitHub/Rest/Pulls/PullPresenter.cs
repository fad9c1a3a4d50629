namespace Pipeline.Rehearsal.GitHub.Rest.Pulls;

/// <summary>Builds <c>pull-request</c> JSON, computing mergeability and counts from the repository.</summary>
internal static class PullPresenter
{
    public static async Task<PullRequestJson> PullAsync(GitHubState state, RepositoryState repository,
        PullRequestState pull, Links links, CancellationToken ct)
    {
        var git = repository.Git;
        var headSha = pull.HeadShaAtClose ?? await git.ReadRefAsync("refs/heads/" + pull.HeadRef, ct) ?? "";
        var baseSha = await git.ReadRefAsync("refs/heads/" + pull.BaseRef, ct) ?? "";
        var status = await PullStatus.ComputeAsync(repository, pull, ct);
        int commits = 0, changed = 0, additions = 0, deletions = 0;
        if (headSha.Length > 0 && baseSha.Length > 0 && pull.MergedAt is null
            && await git.MergeBaseAsync(baseSha, headSha, ct) is { } mergeBase)
        {
            commits = (await git.CommitsBetweenAsync(mergeBase, headSha, ct)).Count;
            var changes = await git.ChangedPathsAsync(mergeBase, headSha, ct);
            changed = changes.Count;
            additions = changes.Sum(c => c.Additions);
            deletions = changes.Sum(c => c.Deletions);
        }

        var repo = links.Repo(repository.FullName);
        var url = repo + "/pulls/" + pull.Number;
        var html = links.RepoHtml(repository.FullName) + "/pull/" + pull.Number;
        var issue = repo + "/issues/" + pull.Number;
        var repositoryJson = RepositoryJson.From(repository, links);
        var owner = UserJson.From(repository.Owner, links);
        return new PullRequestJson(
            url, pull.Id, pull.NodeId, html, html + ".diff", html + ".patch", issue,
            url + "/commits", url + "/comments", repo + "/pulls/comments{/number}", issue + "/comments",
            repo + "/statuses/" + headSha,
            pull.Number, pull.State, false, pull.Title, UserJson.From(pull.User, links), pull.Body,
            Labels(repository, pull, links), null, null,
            Timestamps.Format(pull.CreatedAt), Timestamps.Format(pull.UpdatedAt), Timestamps.Format(pull.ClosedAt),
            Timestamps.Format(pull.MergedAt), pull.MergeCommitSha,
            null, [], [], [],
            new PullRefJson(repository.Owner.Login + ":" + pull.HeadRef, pull.HeadRef, repositoryJson, headSha, owner),
            new PullRefJson(repository.Owner.Login + ":" + pull.BaseRef, pull.BaseRef, repositoryJson, baseSha, owner),
            new PullLinksJson(new LinkJson(url), new LinkJson(html), new LinkJson(issue), new LinkJson(issue + "/comments"),
                new LinkJson(url + "/comments"), new LinkJson(repo + "/pulls/comments{/number}"),
                new LinkJson(url + "/commits"), new LinkJson(repo + "/statuses/" + headSha)),
            "OWNER",
            pull.AutoMerge is { } auto
                ? new AutoMergeJson(UserJson.From(auto.EnabledBy, links), auto.MergeMethod.ToLowerInvariant(),
                    auto.CommitTitle ?? "", auto.CommitMessage ?? "")
                : null,
            pull.Draft, pull.MergedAt is not null, status.Mergeable, status.Mergeable, status.State,
            pull.MergedBy is null ? null : UserJson.From(pull.MergedBy, links), CommentCount(pull), 0, true,
            commits, additions, deletions, changed);
    }

    public static IReadOnlyList<LabelJson> Labels(RepositoryState repository, PullRequestState pull, Links links)
    {
        lock (repository.Labels)
        {
            return pull.Labels.Select(name => Label(repository, repository.Labels[name], links)).ToList();
        }
    }

    public static LabelJson Label(RepositoryState repository, LabelState label, Links links) =>
        new(label.Id, NodeIds.For("LA_kwDO", label.Id), links.Repo(repository.FullName) + "/labels/" + Uri.EscapeDataString(label.Name),
            label.Name, label.Description, label.Color, false);

    private static int CommentCount(PullRequestState pull)
    {
        lock (pull.Comments)
        {
            return pull.Comments.Count;
        }
    }
}
