using System.Globalization;

namespace Pipeline.Rehearsal.GitHub.Git;

internal sealed partial class BareRepository
{
    /// <summary>Lists a tree (or the tree of a commit); recursive lists every blob and subtree below it.</summary>
    public async Task<IReadOnlyList<GitTreeEntry>> ListTreeAsync(string treeish, bool recursive,
        string? path = null, CancellationToken ct = default)
    {
        var arguments = new List<string> { "ls-tree", "-z", "-l" };
        if (recursive)
        {
            arguments.AddRange(["-r", "-t"]);
        }

        arguments.Add(treeish);
        if (path is not null)
        {
            arguments.AddRange(["--", path]);
        }

        var result = await _git.RunAsync(arguments, ct: ct);
        if (result.ExitCode != 0)
        {
            return [];
        }

        return result.Text.Split('\0', StringSplitOptions.RemoveEmptyEntries).Select(ParseEntry).ToList();
    }

    /// <summary>The entry at a path inside a commit or tree, or null when the path does not exist.</summary>
    public async Task<GitTreeEntry?> FindEntryAsync(string treeish, string path, CancellationToken ct = default)
    {
        path = path.Trim('/');
        if (path.Length == 0)
        {
            var tree = await _git.RunAsync(["rev-parse", "--verify", "--quiet", treeish + "^{tree}"], ct: ct);
            return tree.ExitCode == 0 ? new GitTreeEntry("040000", "tree", tree.Text.Trim(), null, "") : null;
        }

        var entries = await ListTreeAsync(treeish, recursive: false, path, ct);
        return entries.FirstOrDefault(e => e.Path == path);
    }

    /// <summary>Writes a tree from entries naming objects directly below it (<c>git mktree</c>).</summary>
    public async Task<string> MakeTreeAsync(IEnumerable<GitTreeEntry> entries, CancellationToken ct = default)
    {
        var input = new StringBuilder();
        foreach (var entry in entries)
        {
            input.Append(CultureInfo.InvariantCulture, $"{entry.Mode} {entry.Type} {entry.Sha}\t{entry.Path}\0");
        }

        return await _git.RunTextAsync(["mktree", "-z"], Encoding.UTF8.GetBytes(input.ToString()), ct: ct);
    }

    /// <summary>
    /// Writes the tree that results from applying changes (paths may be nested) on top of a base tree,
    /// through a temporary index so that intermediate trees are built by git itself.
    /// </summary>
    public async Task<string> EditTreeAsync(string? baseTree, IEnumerable<GitTreeChange> changes,
        CancellationToken ct = default)
    {
        var index = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rehearsal-index-" + Guid.NewGuid().ToString("N"));
        var environment = new Dictionary<string, string> { ["GIT_INDEX_FILE"] = index };
        try
        {
            await _git.RunTextAsync(baseTree is null ? ["read-tree", "--empty"] : ["read-tree", baseTree],
                environment: environment, ct: ct);
            foreach (var change in changes)
            {
                await RemoveFromIndexAsync(change.Path, environment, ct);
                if (change.Sha is null)
                {
                    continue;
                }

                if (change.Type == "tree")
                {
                    await _git.RunTextAsync(["read-tree", "--prefix=" + change.Path.Trim('/') + "/", change.Sha],
                        environment: environment, ct: ct);
                }
                else
                {
                    await _git.RunTextAsync(
                        ["update-index", "--add", "--cacheinfo", $"{change.Mode},{change.Sha},{change.Path.Trim('/')}"],
                        environment: environment, ct: ct);
                }
            }

            return await _git.RunTextAsync(["write-tree"], environment: environment, ct: ct);
        }
        finally
        {
            File.Delete(index);
        }
    }

    private async Task RemoveFromIndexAsync(string path, Dictionary<string, string> environment, CancellationToken ct)
    {
        path = path.Trim('/');
        var listed = await _git.RunTextAsync(["ls-files", "-z", "--", path, path + "/"], environment: environment, ct: ct);
        var input = new StringBuilder();
        foreach (var file in listed.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            input.Append(CultureInfo.InvariantCulture, $"0 {ZeroSha}\t{file}\0");
        }

        if (input.Length > 0)
        {
            await _git.RunTextAsync(["update-index", "-z", "--index-info"], Encoding.UTF8.GetBytes(input.ToString()),
                environment, ct);
        }
    }

    /// <summary>
    /// Writes a commit object (<c>git commit-tree</c>) with explicit identities and dates; with a signer, the object
    /// carries its signature in a <c>gpgsig</c> header after the committer, as git and GitHub write it.
    /// </summary>
    public async Task<string> CommitTreeAsync(string tree, IEnumerable<string> parents, string message,
        GitIdentity author, GitIdentity committer, CancellationToken ct = default, Func<byte[], string>? sign = null)
    {
        var arguments = new List<string> { "commit-tree", tree };
        foreach (var parent in parents)
        {
            arguments.AddRange(["-p", parent]);
        }

        arguments.AddRange(["-F", "-"]);
        var environment = new Dictionary<string, string>
        {
            ["GIT_AUTHOR_NAME"] = author.Name,
            ["GIT_AUTHOR_EMAIL"] = author.Email,
            ["GIT_AUTHOR_DATE"] = author.ToGitDate(),
            ["GIT_COMMITTER_NAME"] = committer.Name,
            ["GIT_COMMITTER_EMAIL"] = committer.Email,
            ["GIT_COMMITTER_DATE"] = committer.ToGitDate(),
        };
        var sha = await _git.RunTextAsync(arguments, Encoding.UTF8.GetBytes(message), environment, ct);
        if (sign is null)
        {
            return sha;
        }

        var payload = (await ReadObjectAsync(sha, ct))!.Content;
        var headersEnd = payload.AsSpan().IndexOf("\n\n"u8) + 1;
        var header = Encoding.UTF8.GetBytes("gpgsig " + sign(payload).TrimEnd('\n').Replace("\n", "\n ", StringComparison.Ordinal) + "\n");
        byte[] signed = [.. payload.AsSpan(0, headersEnd), .. header, .. payload.AsSpan(headersEnd)];
        return await _git.RunTextAsync(["hash-object", "-t", "commit", "-w", "--stdin"], signed, null, ct);
    }

    private static GitTreeEntry ParseEntry(string line)
    {
        // "<mode> SP <type> SP <object> SP+ <size> TAB <path>"
        var tab = line.IndexOf('\t');
        var parts = line[..tab].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long? size = parts[3] == "-" ? null : long.Parse(parts[3], CultureInfo.InvariantCulture);
        return new GitTreeEntry(parts[0], parts[1], parts[2], size, line[(tab + 1)..]);
    }
}
