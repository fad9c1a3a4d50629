namespace Pipeline.Rehearsal.GitHub.Git;

internal sealed partial class BareRepository
{
    private static readonly IReadOnlyDictionary<string, string> LiteralPathspecs = new Dictionary<string, string> { ["GIT_LITERAL_PATHSPECS"] = "1" };

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

    /// <summary>
    /// Commits reachable from <paramref name="start"/>, newest first, that changed <paramref name="path"/> (a file or a
    /// folder; every commit when null), after skipping <paramref name="skip"/> and at most <paramref name="count"/>.
    /// The path is taken literally, never as a pathspec pattern.
    /// </summary>
    public async Task<IReadOnlyList<string>> ListCommitsAsync(string start, string? path, int skip, int count,
        DateTimeOffset? since = null, DateTimeOffset? until = null, CancellationToken ct = default)
    {
        var arguments = new List<string> { "rev-list", "--skip=" + skip.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--max-count=" + count.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (since is { } from)
        {
            arguments.Add("--since=" + from.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        }

        if (until is { } to)
        {
            arguments.Add("--until=" + to.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        }

        arguments.Add(start);
        arguments.Add("--");
        if (path is not null)
        {
            arguments.Add(path);
        }

        var text = await _git.RunTextAsync(arguments, environment: LiteralPathspecs, ct: ct);
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

    /// <summary>Paths that differ between two commits, with their status letter (A, M, D) and changed line counts.</summary>
    public async Task<IReadOnlyList<GitChange>> ChangedPathsAsync(string from, string to, CancellationToken ct = default)
    {
        var names = (await _git.RunTextAsync(["diff-tree", "-r", "-z", "--no-renames", "--name-status", from, to], ct: ct))
            .Split('\0', StringSplitOptions.RemoveEmptyEntries);
        var counts = (await _git.RunTextAsync(["diff-tree", "-r", "-z", "--no-renames", "--numstat", from, to], ct: ct))
            .Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split('\t'))
            .Where(parts => parts.Length == 3)
            .ToDictionary(parts => parts[2], parts => (Added: Count(parts[0]), Removed: Count(parts[1])), StringComparer.Ordinal);
        var changes = new List<GitChange>();
        for (var i = 0; i + 1 < names.Length; i += 2)
        {
            var (added, removed) = counts.GetValueOrDefault(names[i + 1]);
            changes.Add(new GitChange(names[i], names[i + 1], added, removed));
        }

        return changes;
    }

    // Binary files report "-" for both counts.
    private static int Count(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
}
