namespace Pipeline.Rehearsal.GitHub.State;

/// <summary>A pull request; mutable fields are changed under the repository's write lock.</summary>
internal sealed class PullRequestState(long id, int number, AccountState user, DateTimeOffset createdAt)
{
    public long Id { get; } = id;

    public int Number { get; } = number;

    public string NodeId => NodeIds.For("PR_kwDO", Id);

    public AccountState User { get; } = user;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset UpdatedAt { get; set; } = createdAt;

    public required string Title { get; set; }

    public string? Body { get; set; }

    public required string HeadRef { get; set; }

    /// <summary>The head sha recorded when the pull request closed (the branch may be deleted later).</summary>
    public string? HeadShaAtClose { get; set; }

    public required string BaseRef { get; set; }

    public bool Draft { get; set; }

    public string State { get; set; } = "open";

    public DateTimeOffset? ClosedAt { get; set; }

    public DateTimeOffset? MergedAt { get; set; }

    public string? MergeCommitSha { get; set; }

    public AccountState? MergedBy { get; set; }

    public List<string> Labels { get; } = [];

    public AutoMergeState? AutoMerge { get; set; }

    /// <summary>The conversation's comments, oldest first (lock the list to read or add).</summary>
    public List<CommentState> Comments { get; } = [];
}

/// <summary>A comment on a pull request's conversation.</summary>
internal sealed record CommentState(long Id, AccountState User, string Body, DateTimeOffset CreatedAt);

/// <summary>An enabled auto-merge request.</summary>
internal sealed record AutoMergeState(AccountState EnabledBy, string MergeMethod, string? CommitTitle,
    string? CommitMessage, DateTimeOffset EnabledAt);
