namespace Pipeline.GitHub;

/// <summary>A pull request (the fields this package uses).</summary>
/// <param name="Id">The numeric id.</param>
/// <param name="Number">The number shown in the web address.</param>
/// <param name="NodeId">The GraphQL node id, for <see cref="IGraphQLClient.EnablePullRequestAutoMergeAsync"/>.</param>
/// <param name="State"><c>open</c> or <c>closed</c>.</param>
/// <param name="Title">The title.</param>
/// <param name="Body">The description.</param>
/// <param name="HtmlUrl">The web address.</param>
/// <param name="Head">The branch with the changes.</param>
/// <param name="Base">The branch to merge into.</param>
/// <param name="Draft">Whether it is a draft.</param>
/// <param name="Merged">Whether it was merged (sent by the single-pull-request endpoints).</param>
/// <param name="MergeCommitSha">The merge commit, once merged.</param>
/// <param name="Labels">Its labels.</param>
public sealed record PullRequest(
    long Id,
    int Number,
    string NodeId,
    string State,
    string Title,
    string? Body,
    string HtmlUrl,
    PullRequestBranch Head,
    PullRequestBranch Base,
    bool Draft,
    bool? Merged,
    string? MergeCommitSha,
    IReadOnlyList<Label> Labels)
{
    /// <summary>Whether the pull request is open.</summary>
    public bool IsOpen => string.Equals(State, "open", StringComparison.OrdinalIgnoreCase);
}

/// <summary>One side of a pull request.</summary>
/// <param name="Ref">The branch name.</param>
/// <param name="Sha">The commit.</param>
/// <param name="Label"><c>owner:branch</c>.</param>
public sealed record PullRequestBranch(string Ref, string Sha, string? Label);

/// <summary>An issue or pull request label.</summary>
/// <param name="Name">The label name.</param>
public sealed record Label(string Name);

/// <summary>A pull request to open.</summary>
/// <param name="Title">The title.</param>
/// <param name="Head">The branch with the changes (<c>branch</c>, or <c>owner:branch</c> from a fork).</param>
/// <param name="Base">The branch to merge into.</param>
public sealed record NewPullRequest(string Title, string Head, string Base)
{
    /// <summary>The description.</summary>
    public string? Body { get; init; }

    /// <summary>Whether to open it as a draft.</summary>
    public bool Draft { get; init; }
}

/// <summary>Changes to a pull request; null fields stay as they are.</summary>
public sealed record PullRequestUpdate
{
    /// <summary>A new title.</summary>
    public string? Title { get; init; }

    /// <summary>A new description.</summary>
    public string? Body { get; init; }

    /// <summary>A new base branch.</summary>
    public string? Base { get; init; }

    /// <summary><c>open</c> or <c>closed</c>.</summary>
    public string? State { get; init; }
}

/// <summary>How to merge a pull request.</summary>
/// <param name="Method">Merge, squash or rebase.</param>
public sealed record MergeRequest(MergeMethod Method)
{
    /// <summary>The head sha the merge is meant for; GitHub refuses (409) if the head moved.</summary>
    public string? ExpectedHeadSha { get; init; }

    /// <summary>The merge commit title.</summary>
    public string? CommitTitle { get; init; }

    /// <summary>The merge commit message.</summary>
    public string? CommitMessage { get; init; }
}

/// <summary>The answer to a merge.</summary>
/// <param name="Sha">The merge commit (or the rebased head).</param>
/// <param name="Merged">Whether it merged.</param>
/// <param name="Message">GitHub's message.</param>
public sealed record MergeResult(string Sha, bool Merged, string? Message);
