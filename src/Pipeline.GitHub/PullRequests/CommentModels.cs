namespace Pipeline.GitHub;

/// <summary>A comment on an issue or on a pull request's conversation (pull requests are issues).</summary>
/// <param name="Id">The numeric id.</param>
/// <param name="NodeId">The GraphQL node id.</param>
/// <param name="Body">The Markdown text.</param>
/// <param name="HtmlUrl">The comment's web address.</param>
/// <param name="User">Who wrote it (a user, or an App's bot account).</param>
/// <param name="CreatedAt">When it was written.</param>
public sealed record IssueComment(long Id, string NodeId, string? Body, string HtmlUrl, GitHubAccount? User, DateTimeOffset CreatedAt);

/// <summary>A user, organisation or bot account.</summary>
/// <param name="Login">The account name (<c>slug[bot]</c> for an App).</param>
/// <param name="Type"><c>User</c>, <c>Organization</c> or <c>Bot</c>.</param>
public sealed record GitHubAccount(string Login, string? Type);
