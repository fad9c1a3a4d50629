using Pipeline.GitHub;

namespace Pipeline.Promotion;

/// <summary>
/// Source history through the GitHub API: the branches endpoint for a branch head, and the compare endpoint
/// (<c>GET /repos/{owner}/{repo}/compare/{base}...{head}</c>) for ancestry, which needs no local clone at all.
/// </summary>
/// <param name="client">A client whose credential may read the source repository.</param>
/// <param name="repository">The source repository.</param>
public sealed class GitHubSourceHistory(IGitHubClient client, RepositoryId repository) : ISourceHistory
{
    /// <inheritdoc />
    public string Description => repository.ToString();

    /// <inheritdoc />
    public async Task<string> GetBranchHeadAsync(string branch, CancellationToken cancellationToken = default)
    {
        try
        {
            return (await client.Repositories.GetBranchAsync(repository, branch, cancellationToken).ConfigureAwait(false)).Commit.Sha;
        }
        catch (GitHubException exception) when (exception is GitHubNotFoundException or GitHubForbiddenException or GitHubAuthenticationException)
        {
            throw new SourceHistoryUnavailableException(
                $"GitHub answered {Status(exception)} for branch {branch} of {repository}: the branch is gone, or the credential may not read the repository.", exception);
        }
    }

    /// <inheritdoc />
    public async Task<SourceRelation> CompareAsync(string baseCommit, string commit, CancellationToken cancellationToken = default)
    {
        CommitComparison comparison;
        try
        {
            comparison = await client.Repositories.CompareAsync(repository, baseCommit, commit, cancellationToken).ConfigureAwait(false);
        }
        catch (GitHubNotFoundException exception) when (exception.Message.Contains("No common ancestor", StringComparison.OrdinalIgnoreCase))
        {
            return SourceRelation.Diverged;
        }
        catch (GitHubException exception) when (exception is GitHubNotFoundException or GitHubForbiddenException or GitHubAuthenticationException)
        {
            throw new SourceHistoryUnavailableException(
                $"GitHub answered {Status(exception)} comparing {baseCommit}...{commit} in {repository}: a commit is not in that repository, or the credential may not read it.", exception);
        }

        return comparison.Status switch
        {
            "identical" => SourceRelation.Identical,
            "ahead" => SourceRelation.Ahead,
            "behind" => SourceRelation.Behind,
            "diverged" => SourceRelation.Diverged,
            var other => throw new SourceHistoryUnavailableException($"GitHub compared {baseCommit}...{commit} in {repository} as '{other}', which is none of identical, ahead, behind or diverged."),
        };
    }

    private static string Status(GitHubException exception) =>
        exception.Response is { } response ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : exception.GetType().Name;
}
