namespace Pipeline.Rehearsal.GitHub.Rest.Repositories;

/// <summary>GitHub's <c>full-repository</c> (also valid as <c>repository</c> and <c>minimal-repository</c>).</summary>
internal sealed record RepositoryJson(
    long Id, string NodeId, string Name, string FullName, UserJson Owner, bool Private, string HtmlUrl,
    string? Description, bool Fork, string Url,
    string ArchiveUrl, string AssigneesUrl, string BlobsUrl, string BranchesUrl, string CollaboratorsUrl,
    string CommentsUrl, string CommitsUrl, string CompareUrl, string ContentsUrl, string ContributorsUrl,
    string DeploymentsUrl, string DownloadsUrl, string EventsUrl, string ForksUrl, string GitCommitsUrl,
    string GitRefsUrl, string GitTagsUrl, string GitUrl, string IssueCommentUrl, string IssueEventsUrl,
    string IssuesUrl, string KeysUrl, string LabelsUrl, string LanguagesUrl, string MergesUrl,
    string MilestonesUrl, string NotificationsUrl, string PullsUrl, string ReleasesUrl, string SshUrl,
    string StargazersUrl, string StatusesUrl, string SubscribersUrl, string SubscriptionUrl, string TagsUrl,
    string TeamsUrl, string TreesUrl, string CloneUrl, string? MirrorUrl, string HooksUrl, string SvnUrl,
    string? Homepage, string? Language, int ForksCount, int StargazersCount, int WatchersCount, int Size,
    string DefaultBranch, int OpenIssuesCount, bool IsTemplate, IReadOnlyList<string> Topics, bool HasIssues,
    bool HasProjects, bool HasWiki, bool HasPages, bool HasDownloads, bool HasDiscussions, bool Archived,
    bool Disabled, string Visibility, string PushedAt, string CreatedAt, string UpdatedAt,
    RepositoryPermissionsJson Permissions, bool AllowRebaseMerge, bool AllowSquashMerge, bool AllowAutoMerge,
    bool DeleteBranchOnMerge, bool AllowMergeCommit, bool AllowForking, bool WebCommitSignoffRequired,
    object? License, int Forks, int OpenIssues, int Watchers, int NetworkCount, int SubscribersCount)
{
    public static RepositoryJson From(RepositoryState repository, Links links)
    {
        var full = repository.FullName;
        var u = links.Repo(full);
        var openPulls = repository.PullRequests.Count(p => p.State == "open");
        return new RepositoryJson(
            repository.Id, repository.NodeId, repository.Name, full, UserJson.From(repository.Owner, links), true,
            links.RepoHtml(full), null, false, u,
            u + "/{archive_format}{/ref}", u + "/assignees{/user}", u + "/git/blobs{/sha}", u + "/branches{/branch}",
            u + "/collaborators{/collaborator}", u + "/comments{/number}", u + "/commits{/sha}",
            u + "/compare/{base}...{head}", u + "/contents/{+path}", u + "/contributors",
            u + "/deployments", u + "/downloads", u + "/events", u + "/forks", u + "/git/commits{/sha}",
            u + "/git/refs{/sha}", u + "/git/tags{/sha}", "git://" + new Uri(links.Web).Host + "/" + full + ".git",
            u + "/issues/comments{/number}", u + "/issues/events{/number}", u + "/issues{/number}", u + "/keys{/key_id}",
            u + "/labels{/name}", u + "/languages", u + "/merges", u + "/milestones{/number}",
            u + "/notifications{?since,all,participating}", u + "/pulls{/number}", u + "/releases{/id}",
            "git@" + new Uri(links.Web).Host + ":" + full + ".git", u + "/stargazers", u + "/statuses/{sha}",
            u + "/subscribers", u + "/subscription", u + "/tags", u + "/teams", u + "/git/trees{/sha}",
            links.CloneUrl(full), null, u + "/hooks", links.RepoHtml(full),
            null, null, 0, 0, 0, 0,
            repository.DefaultBranch, openPulls, false, [], true,
            false, false, false, true, false, false,
            false, "private", Timestamps.Format(repository.PushedAt), Timestamps.Format(repository.CreatedAt),
            Timestamps.Format(repository.PushedAt),
            new RepositoryPermissionsJson(true, true, true, true, true), true, true, true,
            false, true, true, false,
            null, 0, openPulls, 0, 0, 0);
    }
}

/// <summary>The caller's permissions on a repository.</summary>
internal sealed record RepositoryPermissionsJson(bool Admin, bool Maintain, bool Push, bool Triage, bool Pull);
