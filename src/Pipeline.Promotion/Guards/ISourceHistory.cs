using Pipeline.GitHub;

namespace Pipeline.Promotion;

/// <summary>How one source commit relates to another.</summary>
public enum SourceRelation
{
    /// <summary>The same commit.</summary>
    Identical,

    /// <summary>The second commit descends from the first: it is newer.</summary>
    Ahead,

    /// <summary>The second commit is an ancestor of the first: it is older.</summary>
    Behind,

    /// <summary>Neither descends from the other (different branches).</summary>
    Diverged,
}

/// <summary>Reads the source repository's branches and ancestry, for the moved-source and monotonic guards.</summary>
public interface ISourceHistory
{
    /// <summary>Describes the repository for messages.</summary>
    string Description { get; }

    /// <summary>The current head of <paramref name="branch"/>.</summary>
    Task<string> GetBranchHeadAsync(string branch, CancellationToken cancellationToken = default);

    /// <summary>How <paramref name="commit"/> relates to <paramref name="baseCommit"/>.</summary>
    Task<SourceRelation> CompareAsync(string baseCommit, string commit, CancellationToken cancellationToken = default);
}

/// <summary>Source history through the GitHub API (branches and the compare endpoint).</summary>
/// <param name="client">A client whose credential may read the source repository.</param>
/// <param name="repository">The source repository.</param>
public sealed class GitHubSourceHistory(IGitHubClient client, RepositoryId repository) : ISourceHistory
{
    /// <inheritdoc />
    public string Description => repository.ToString();

    /// <inheritdoc />
    public async Task<string> GetBranchHeadAsync(string branch, CancellationToken cancellationToken = default) =>
        (await client.Repositories.GetBranchAsync(repository, branch, cancellationToken).ConfigureAwait(false)).Commit.Sha;

    /// <inheritdoc />
    public async Task<SourceRelation> CompareAsync(string baseCommit, string commit, CancellationToken cancellationToken = default) =>
        (await client.Repositories.CompareAsync(repository, baseCommit, commit, cancellationToken).ConfigureAwait(false)).Status switch
        {
            "identical" => SourceRelation.Identical,
            "ahead" => SourceRelation.Ahead,
            "behind" => SourceRelation.Behind,
            _ => SourceRelation.Diverged,
        };
}

/// <summary>
/// Source history from a local clone, with local commands only (no fetch, so no credential is ever involved):
/// a branch's head is its remote-tracking ref <c>refs/remotes/{remote}/{branch}</c>. Fetch before promoting
/// (<c>git fetch origin main</c>) so that the ref shows where the branch is now.
/// </summary>
/// <param name="directory">The clone.</param>
/// <param name="remote">The remote whose tracking refs tell the branch heads.</param>
public sealed class LocalGitSourceHistory(string directory, string remote = "origin") : ISourceHistory
{
    /// <inheritdoc />
    public string Description => Path.GetFullPath(directory);

    /// <inheritdoc />
    public async Task<string> GetBranchHeadAsync(string branch, CancellationToken cancellationToken = default)
    {
        var (code, output, error) = await GitAsync(["rev-parse", "--verify", "--quiet", $"refs/remotes/{remote}/{branch}^{{commit}}"], cancellationToken).ConfigureAwait(false);
        return code == 0
            ? output
            : throw new PromotionException($"{Description} has no ref refs/remotes/{remote}/{branch}{(error.Length > 0 ? $" ({error})" : "")}; run 'git fetch {remote} {branch}' first.");
    }

    /// <inheritdoc />
    public async Task<SourceRelation> CompareAsync(string baseCommit, string commit, CancellationToken cancellationToken = default)
    {
        if (string.Equals(baseCommit, commit, StringComparison.OrdinalIgnoreCase))
        {
            return SourceRelation.Identical;
        }

        if (await IsAncestorAsync(baseCommit, commit, cancellationToken).ConfigureAwait(false))
        {
            return SourceRelation.Ahead;
        }

        return await IsAncestorAsync(commit, baseCommit, cancellationToken).ConfigureAwait(false) ? SourceRelation.Behind : SourceRelation.Diverged;
    }

    private async Task<bool> IsAncestorAsync(string ancestor, string descendant, CancellationToken cancellationToken)
    {
        var (code, _, error) = await GitAsync(["merge-base", "--is-ancestor", ancestor, descendant], cancellationToken).ConfigureAwait(false);
        return code switch
        {
            0 => true,
            1 => false,
            _ => throw new PromotionException($"{Description}: cannot compare {ancestor} with {descendant} ({error}); fetch the commits first."),
        };
    }

    private async Task<(int Code, string Output, string Error)> GitAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var request = new ProcessRequest("git", ["-C", directory, .. arguments]) { ThrowOnFailure = false }.WithEnvironment("GIT_TERMINAL_PROMPT", "0");
        try
        {
            var result = await ProcessRunner.RunAsync(request, cancellationToken).ConfigureAwait(false);
            return (result.ExitCode, result.StandardOutput.Trim(), result.StandardError.Trim());
        }
        catch (ProcessException exception) when (exception.Failure == ProcessFailure.NotStarted)
        {
            throw new PromotionException("git could not be started; install git and put it on PATH.", exception);
        }
    }
}
