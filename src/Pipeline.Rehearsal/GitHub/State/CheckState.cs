namespace Pipeline.Rehearsal.GitHub.State;

/// <summary>A commit status as created (<c>POST /statuses/{sha}</c>); the newest per context counts.</summary>
internal sealed record StatusState(long Id, string Sha, string State, string Context, string? Description, string? TargetUrl,
    AccountState? Creator, DateTimeOffset CreatedAt);

/// <summary>A check run an App reported on a commit.</summary>
internal sealed class CheckRunState(long id, string sha, string name, AppState app, DateTimeOffset startedAt)
{
    public long Id { get; } = id;

    public string Sha { get; } = sha;

    public string Name { get; set; } = name;

    public AppState App { get; } = app;

    public string Status { get; set; } = "queued";

    public string? Conclusion { get; set; }

    public string? DetailsUrl { get; set; }

    public string? ExternalId { get; set; }

    public string? Title { get; set; }

    public string? Summary { get; set; }

    public DateTimeOffset StartedAt { get; set; } = startedAt;

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>What the run means for a required check of that name.</summary>
    public CheckConclusion AsCheck => Status != "completed" ? CheckConclusion.Pending
        : Conclusion is "success" or "neutral" or "skipped" ? CheckConclusion.Success : CheckConclusion.Failure;
}
