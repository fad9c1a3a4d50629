using System.Text.RegularExpressions;

namespace Pipeline.Promotion;

/// <summary>
/// Source history from a local clone. A branch's head is its remote-tracking ref <c>refs/remotes/{remote}/{branch}</c>
/// (or the local branch, with no remote). It never answers from history it does not have: when a commit is missing,
/// or the clone is shallow and the commits it has do not connect, it deepens the clone when <see cref="Fetch"/> allows
/// (<c>git fetch --unshallow</c>, then the missing commits by id), and otherwise throws
/// <see cref="SourceHistoryUnavailableException"/>. Fetches never consult a credential helper, <c>~/.netrc</c> or the
/// global and system git configuration; the clone's own configuration (such as the header <c>actions/checkout</c>
/// stores) applies.
/// </summary>
/// <param name="directory">The clone.</param>
/// <param name="remote">The remote whose tracking refs tell the branch heads; null reads the local branches.</param>
public sealed partial class LocalGitSourceHistory(string directory, string? remote = "origin") : ISourceHistory
{
    private bool _deepened;

    /// <summary>
    /// Fetch from <c>remote</c> when needed: the branch before its head is read, and a shallow clone's missing history
    /// before a comparison. Off by default: only local commands run, and a shallow clone that cannot tell refuses.
    /// </summary>
    public bool Fetch { get; init; }

    /// <inheritdoc />
    public string Description => Path.GetFullPath(directory);

    /// <inheritdoc />
    public async Task<string> GetBranchHeadAsync(string branch, CancellationToken cancellationToken = default)
    {
        if (remote is not null && Fetch)
        {
            var fetch = await FetchAsync(["--no-tags", remote, $"+refs/heads/{branch}:refs/remotes/{remote}/{branch}"], cancellationToken).ConfigureAwait(false);
            if (fetch.Code != 0)
            {
                throw new SourceHistoryUnavailableException(
                    $"{Description}: git fetch {remote} {branch} failed ({fetch.Error}), so where {branch} is now is not known.");
            }
        }

        var name = remote is null ? $"refs/heads/{branch}" : $"refs/remotes/{remote}/{branch}";
        var (code, output, error) = await GitAsync(["rev-parse", "--verify", "--quiet", "--end-of-options", name + "^{commit}"], cancellationToken).ConfigureAwait(false);
        return code == 0
            ? output
            : throw new SourceHistoryUnavailableException(
                $"{Description} has no ref {name}{(error.Length > 0 ? $" ({error})" : "")}" + (remote is null ? "." : $"; run 'git fetch {remote} {branch}' first."));
    }

    /// <inheritdoc />
    public async Task<SourceRelation> CompareAsync(string baseCommit, string commit, CancellationToken cancellationToken = default)
    {
        foreach (var id in new[] { baseCommit, commit })
        {
            if (!CommitId().IsMatch(id))
            {
                throw new SourceHistoryUnavailableException($"'{id}' is not a commit id (7 to 64 hexadecimal digits).");
            }
        }

        if (string.Equals(baseCommit, commit, StringComparison.OrdinalIgnoreCase))
        {
            return SourceRelation.Identical;
        }

        while (true)
        {
            var missing = await MissingAsync([baseCommit, commit], cancellationToken).ConfigureAwait(false);
            var shallow = await IsShallowAsync(cancellationToken).ConfigureAwait(false);
            if (missing.Count == 0)
            {
                if (await IsAncestorAsync(baseCommit, commit, cancellationToken).ConfigureAwait(false))
                {
                    return SourceRelation.Ahead;
                }

                if (await IsAncestorAsync(commit, baseCommit, cancellationToken).ConfigureAwait(false))
                {
                    return SourceRelation.Behind;
                }

                if (!shallow)
                {
                    return SourceRelation.Diverged;
                }
            }

            // Either a commit is not here, or the clone is shallow and its cut may hide the path between the two.
            var why = missing.Count > 0
                ? $"does not have {string.Join(" and ", missing)}"
                : $"is a shallow clone, and the commits it has do not connect {baseCommit} with {commit}";
            if (!Fetch || remote is null || _deepened)
            {
                throw new SourceHistoryUnavailableException(
                    $"{Description} {why}, so it cannot tell which is newer" + (_deepened ? $" even after fetching from {remote}."
                        : remote is null ? "." : $"; fetch the whole history (actions/checkout with fetch-depth: 0, or git fetch --unshallow {remote})."));
            }

            await DeepenAsync(shallow, missing, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DeepenAsync(bool shallow, IReadOnlyList<string> missing, CancellationToken cancellationToken)
    {
        _deepened = true;
        if (shallow)
        {
            var unshallow = await FetchAsync(["--unshallow", "--no-tags", remote!], cancellationToken).ConfigureAwait(false);
            if (unshallow.Code != 0)
            {
                throw new SourceHistoryUnavailableException($"{Description} is a shallow clone and git fetch --unshallow {remote} failed ({unshallow.Error}).");
            }
        }

        foreach (var id in await MissingAsync(missing, cancellationToken).ConfigureAwait(false))
        {
            // A commit no fetched branch reaches (a build of another branch): fetch it by id, as GitHub allows.
            await FetchAsync(["--no-tags", remote!, id], cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<IReadOnlyList<string>> MissingAsync(IReadOnlyList<string> commits, CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        foreach (var commit in commits)
        {
            if ((await GitAsync(["cat-file", "-e", commit + "^{commit}"], cancellationToken).ConfigureAwait(false)).Code != 0)
            {
                missing.Add(commit);
            }
        }

        return missing;
    }

    private async Task<bool> IsShallowAsync(CancellationToken cancellationToken) =>
        (await GitAsync(["rev-parse", "--is-shallow-repository"], cancellationToken).ConfigureAwait(false)).Output == "true";

    private async Task<bool> IsAncestorAsync(string ancestor, string descendant, CancellationToken cancellationToken)
    {
        var (code, _, error) = await GitAsync(["merge-base", "--is-ancestor", ancestor, descendant], cancellationToken).ConfigureAwait(false);
        return code switch
        {
            0 => true,
            1 => false,
            _ => throw new SourceHistoryUnavailableException($"{Description}: cannot compare {ancestor} with {descendant} ({error})."),
        };
    }

    [GeneratedRegex("^[0-9a-fA-F]{7,64}$")]
    private static partial Regex CommitId();
}
