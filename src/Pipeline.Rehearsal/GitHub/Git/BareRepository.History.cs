namespace Pipeline.Rehearsal.GitHub.Git;

internal sealed partial class BareRepository
{
    /// <summary>True when <paramref name="ancestor"/> is reachable from <paramref name="descendant"/>.</summary>
    public async Task<bool> IsAncestorAsync(string ancestor, string descendant, CancellationToken ct = default)
    {
        var result = await _git.RunAsync(["merge-base", "--is-ancestor", ancestor, descendant], ct: ct);
        return result.ExitCode == 0;
    }

    public async Task<string?> MergeBaseAsync(string a, string b, CancellationToken ct = default)
    {
        var result = await _git.RunAsync(["merge-base", a, b], ct: ct);
        return result.ExitCode == 0 ? result.Text.Trim() : null;
    }

    /// <summary>Commits reachable from <paramref name="head"/> but not from <paramref name="base"/>, oldest first.</summary>
    public async Task<IReadOnlyList<string>> CommitsBetweenAsync(string @base, string head, CancellationToken ct = default)
    {
        var text = await _git.RunTextAsync(["rev-list", "--reverse", "--topo-order", @base + ".." + head], ct: ct);
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>How many commits <paramref name="head"/> has that <paramref name="base"/> lacks, and the reverse.</summary>
    public async Task<(int Ahead, int Behind)> AheadBehindAsync(string @base, string head, CancellationToken ct = default)
    {
        var text = await _git.RunTextAsync(["rev-list", "--left-right", "--count", @base + "..." + head], ct: ct);
        var parts = text.Split('\t', ' ');
        return (int.Parse(parts[^1], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The tree of a three-way merge of two commits, or null when they conflict.</summary>
    public async Task<string?> MergeTreeAsync(string ours, string theirs, CancellationToken ct = default)
    {
        var result = await _git.RunAsync(["merge-tree", "--write-tree", "--no-messages", ours, theirs], ct: ct);
        return result.ExitCode == 0 ? result.Text.Split('\n')[0].Trim() : null;
    }

    /// <summary>
    /// Applies the change a commit made (relative to its first parent) on top of another tree, or null on conflict.
    /// </summary>
    public async Task<string?> ReplayAsync(string commit, string ontoTree, CancellationToken ct = default)
    {
        var patch = await _git.RunAsync(["diff-tree", "-p", "--binary", "--full-index", "--root", commit], ct: ct);
        patch.EnsureSuccess();
        var index = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rehearsal-index-" + Guid.NewGuid().ToString("N"));
        var environment = new Dictionary<string, string> { ["GIT_INDEX_FILE"] = index };
        try
        {
            await _git.RunTextAsync(["read-tree", ontoTree], environment: environment, ct: ct);
            if (patch.Output.Length > 0)
            {
                var applied = await _git.RunAsync(["apply", "--cached", "--3way", "-"], patch.Output, environment, ct);
                if (applied.ExitCode != 0)
                {
                    return null;
                }
            }

            return await _git.RunTextAsync(["write-tree"], environment: environment, ct: ct);
        }
        finally
        {
            File.Delete(index);
        }
    }

    /// <summary>Paths that differ between two commits, with their status letter (A, M, D, ...).</summary>
    public async Task<IReadOnlyList<(string Status, string Path)>> ChangedPathsAsync(string from, string to,
        CancellationToken ct = default)
    {
        var text = await _git.RunTextAsync(["diff-tree", "-r", "-z", "--no-renames", "--name-status", from, to], ct: ct);
        var parts = text.Split('\0', StringSplitOptions.RemoveEmptyEntries);
        var changes = new List<(string, string)>();
        for (var i = 0; i + 1 < parts.Length; i += 2)
        {
            changes.Add((parts[i], parts[i + 1]));
        }

        return changes;
    }
}
