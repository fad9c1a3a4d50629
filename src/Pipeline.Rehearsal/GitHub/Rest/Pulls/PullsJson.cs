using System.Text.Json.Serialization;

namespace Pipeline.Rehearsal.GitHub.Rest.Pulls;

/// <summary>GitHub's <c>pull-request</c> (a superset of <c>pull-request-simple</c>, used for lists too).</summary>
internal sealed record PullRequestJson(
    string Url, long Id, string NodeId, string HtmlUrl, string DiffUrl, string PatchUrl, string IssueUrl,
    string CommitsUrl, string ReviewCommentsUrl, string ReviewCommentUrl, string CommentsUrl, string StatusesUrl,
    int Number, string State, bool Locked, string Title, UserJson User, string? Body,
    IReadOnlyList<LabelJson> Labels, object? Milestone, string? ActiveLockReason,
    string CreatedAt, string UpdatedAt, string? ClosedAt, string? MergedAt, string? MergeCommitSha,
    UserJson? Assignee, IReadOnlyList<UserJson> Assignees, IReadOnlyList<UserJson> RequestedReviewers,
    IReadOnlyList<object> RequestedTeams, PullRefJson Head, PullRefJson Base,
    [property: JsonPropertyName("_links")] PullLinksJson Links,
    string AuthorAssociation, AutoMergeJson? AutoMerge, bool Draft, bool Merged, bool? Mergeable, bool? Rebaseable,
    string MergeableState, UserJson? MergedBy, int Comments, int ReviewComments, bool MaintainerCanModify,
    int Commits, int Additions, int Deletions, int ChangedFiles);

/// <summary>The head or base of a pull request.</summary>
internal sealed record PullRefJson(string Label, string Ref, RepositoryJson Repo, string Sha, UserJson User);

/// <summary>The <c>_links</c> of a pull request.</summary>
internal sealed record PullLinksJson(LinkJson Self, LinkJson Html, LinkJson Issue, LinkJson Comments,
    LinkJson ReviewComments, LinkJson ReviewComment, LinkJson Commits, LinkJson Statuses);

/// <summary>GitHub's <c>link</c>.</summary>
internal sealed record LinkJson(string Href);

/// <summary>GitHub's <c>auto-merge</c>.</summary>
internal sealed record AutoMergeJson(UserJson EnabledBy, string MergeMethod, string CommitTitle, string CommitMessage);

/// <summary>GitHub's <c>label</c>.</summary>
internal sealed record LabelJson(long Id, string NodeId, string Url, string Name, string? Description, string Color, bool Default);

/// <summary>GitHub's <c>pull-request-merge-result</c>.</summary>
internal sealed record MergeResultJson(string Sha, bool Merged, string Message);

/// <summary>Body of <c>POST /repos/{owner}/{repo}/pulls</c>.</summary>
internal sealed record CreatePullRequest(string? Title, string? Head, string? Base, string? Body, bool? Draft,
    bool? MaintainerCanModify);

/// <summary>Body of <c>PATCH /repos/{owner}/{repo}/pulls/{number}</c>.</summary>
internal sealed record UpdatePullRequest(string? Title, string? Body, string? State, string? Base, bool? MaintainerCanModify);

/// <summary>Body of <c>PUT /repos/{owner}/{repo}/pulls/{number}/merge</c>.</summary>
internal sealed record MergePullRequest(string? CommitTitle, string? CommitMessage, string? Sha, string? MergeMethod);

/// <summary>Body of <c>POST /repos/{owner}/{repo}/issues/{number}/labels</c>: <c>{"labels": [...]}</c> or a bare array.</summary>
internal sealed record LabelsRequest(JsonElement? Labels);

/// <summary>GitHub's <c>issue-comment</c>.</summary>
internal sealed record IssueCommentJson(long Id, string NodeId, string Url, string Body, string HtmlUrl, UserJson User,
    string CreatedAt, string UpdatedAt, string IssueUrl, string AuthorAssociation, object? PerformedViaGithubApp);

/// <summary>Body of <c>POST /repos/{owner}/{repo}/issues/{number}/comments</c>.</summary>
internal sealed record CreateCommentRequest(string? Body);
