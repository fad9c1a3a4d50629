namespace Pipeline.GitHub;

/// <summary>A repository as GitHub describes it (the fields this package uses).</summary>
/// <param name="Id">The numeric id.</param>
/// <param name="NodeId">The GraphQL node id.</param>
/// <param name="Name">The name.</param>
/// <param name="FullName"><c>owner/name</c>.</param>
/// <param name="DefaultBranch">The default branch, such as <c>main</c>.</param>
/// <param name="Private">Whether the repository is private.</param>
/// <param name="HtmlUrl">The web address.</param>
/// <param name="CloneUrl">The HTTPS git address.</param>
public sealed record Repository(long Id, string? NodeId, string Name, string FullName, string DefaultBranch, bool Private, string? HtmlUrl, string? CloneUrl);

/// <summary>A branch and the commit it points to.</summary>
/// <param name="Name">The branch name.</param>
/// <param name="Commit">The head commit.</param>
/// <param name="Protected">Whether branch protection applies.</param>
public sealed record Branch(string Name, GitObjectRef Commit, bool Protected);

/// <summary>A git object named by its sha (a commit, tree or blob).</summary>
/// <param name="Sha">The object id.</param>
/// <param name="Type">The object type when GitHub says it (<c>commit</c>, <c>tree</c>, <c>blob</c>, <c>tag</c>).</param>
public sealed record GitObjectRef(string Sha, string? Type = null);

/// <summary>How two commits relate: <c>identical</c>, <c>ahead</c>, <c>behind</c> or <c>diverged</c> (head relative to base).</summary>
/// <param name="Status">GitHub's status word.</param>
/// <param name="AheadBy">Commits in head not in base.</param>
/// <param name="BehindBy">Commits in base not in head.</param>
/// <param name="TotalCommits">Commits listed by the comparison.</param>
/// <param name="MergeBaseCommit">The merge base.</param>
public sealed record CommitComparison(string Status, int AheadBy, int BehindBy, int TotalCommits, GitObjectRef? MergeBaseCommit);
