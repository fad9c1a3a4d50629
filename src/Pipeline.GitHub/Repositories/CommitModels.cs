namespace Pipeline.GitHub;

/// <summary>
/// Which commits <see cref="IRepositoriesClient.ListCommitsAsync"/> lists: those reachable from <see cref="Sha"/>
/// that changed <see cref="Path"/>, newest first, one page at a time.
/// </summary>
public sealed record CommitQuery
{
    /// <summary>GitHub's largest page.</summary>
    public const int MaxPerPage = 100;

    /// <summary>A branch or commit sha to start from; null for the default branch.</summary>
    public string? Sha { get; init; }

    /// <summary>Only commits that changed this file, or something under this folder; null for every commit.</summary>
    public string? Path { get; init; }

    /// <summary>Commits per page, 1 to <see cref="MaxPerPage"/> (GitHub's default is 30).</summary>
    public int PerPage { get; init; } = 30;

    /// <summary>The page, from 1.</summary>
    public int Page { get; init; } = 1;

    internal void Validate()
    {
        if (PerPage is < 1 or > MaxPerPage)
        {
            throw new ArgumentOutOfRangeException(nameof(PerPage), PerPage, $"GitHub lists 1 to {MaxPerPage} commits per page.");
        }

        if (Page < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Page), Page, "Pages are numbered from 1.");
        }
    }
}

/// <summary>A commit as the commits API lists it.</summary>
/// <param name="Sha">The commit sha.</param>
/// <param name="Commit">The git part: message, author, committer, tree.</param>
/// <param name="Parents">Its parents.</param>
/// <param name="HtmlUrl">Its web address.</param>
public sealed record RepositoryCommit(string Sha, CommitDetail Commit, IReadOnlyList<GitObjectRef> Parents, string? HtmlUrl)
{
    /// <summary>The full commit message.</summary>
    public string Message => Commit.Message;
}

/// <summary>The git part of a listed commit.</summary>
/// <param name="Message">The full message.</param>
/// <param name="Author">The author and when.</param>
/// <param name="Committer">The committer and when.</param>
/// <param name="Tree">Its tree.</param>
public sealed record CommitDetail(string Message, GitSignature? Author, GitSignature? Committer, GitObjectRef? Tree);
