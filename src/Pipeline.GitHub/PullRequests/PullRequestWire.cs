namespace Pipeline.GitHub.PullRequests;

internal sealed record PullRequestCreateBody(string Title, string Head, string Base, string? Body, bool Draft);

internal sealed record PullRequestUpdateBody(string? Title, string? Body, string? Base, string? State);

internal sealed record MergeBody(string MergeMethod, string? Sha, string? CommitTitle, string? CommitMessage);

internal sealed record LabelsBody(IReadOnlyList<string> Labels);

internal sealed record CommentBody(string Body);
