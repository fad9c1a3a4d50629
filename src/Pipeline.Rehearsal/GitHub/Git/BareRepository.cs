using System.Globalization;

namespace Pipeline.Rehearsal.GitHub.Git;

/// <summary>Reads and writes one bare repository through the git command line.</summary>
internal sealed partial class BareRepository(string path)
{
    public const string ZeroSha = "0000000000000000000000000000000000000000";

    private readonly GitCli _git = new(path);

    public string Path { get; } = path;

    public static async Task<BareRepository> InitAsync(string path, string defaultBranch, CancellationToken ct)
    {
        Directory.CreateDirectory(path);
        var repository = new BareRepository(path);
        await repository._git.RunTextAsync(["init", "--quiet", "--bare", "--initial-branch=" + defaultBranch], ct: ct);
        await repository._git.RunTextAsync(["config", "http.receivepack", "true"], ct: ct);
        await repository._git.RunTextAsync(["config", "uploadpack.allowAnySHA1InWant", "true"], ct: ct);
        return repository;
    }

    public Task<GitResult> RunAsync(IEnumerable<string> arguments, byte[]? input = null,
        IReadOnlyDictionary<string, string>? environment = null, CancellationToken ct = default) =>
        _git.RunAsync(arguments, input, environment, ct);

    /// <summary>The commit a revision names, or null when it names none.</summary>
    public async Task<string?> ResolveCommitAsync(string revision, CancellationToken ct = default)
    {
        if (revision.StartsWith('-'))
        {
            return null;
        }

        var result = await _git.RunAsync(["rev-parse", "--verify", "--quiet", revision + "^{commit}"], ct: ct);
        return result.ExitCode == 0 ? result.Text.Trim() : null;
    }

    /// <summary>The object a fully qualified reference points at, or null when it does not exist.</summary>
    public async Task<string?> ReadRefAsync(string fullName, CancellationToken ct = default)
    {
        var result = await _git.RunAsync(["show-ref", "--verify", "--hash", fullName], ct: ct);
        return result.ExitCode == 0 ? result.Text.Trim() : null;
    }

    /// <summary>References whose name starts with a prefix (whole path components or a partial last one).</summary>
    public async Task<IReadOnlyList<GitRef>> ListRefsAsync(string prefix, CancellationToken ct = default)
    {
        var text = await _git.RunTextAsync(
            ["for-each-ref", "--format=%(refname) %(objectname) %(objecttype)"], ct: ct);
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' '))
            .Select(parts => new GitRef(parts[0], parts[1], parts[2]))
            .Where(r => r.Name.StartsWith(prefix, StringComparison.Ordinal))
            .ToList();
    }

    /// <summary>
    /// Moves a reference from <paramref name="expectedOld"/> (null: it must not exist) to <paramref name="newSha"/>
    /// atomically; false when the reference was not at the expected value.
    /// </summary>
    public async Task<bool> CompareAndSwapRefAsync(string fullName, string newSha, string? expectedOld,
        CancellationToken ct = default)
    {
        var result = await _git.RunAsync(
            ["update-ref", "-m", "rehearsal", fullName, newSha, expectedOld ?? ZeroSha], ct: ct);
        return result.ExitCode == 0;
    }

    /// <summary>Deletes a reference if it still points at <paramref name="expectedOld"/>.</summary>
    public async Task<bool> DeleteRefAsync(string fullName, string expectedOld, CancellationToken ct = default)
    {
        var result = await _git.RunAsync(["update-ref", "-d", fullName, expectedOld], ct: ct);
        return result.ExitCode == 0;
    }

    public async Task<string> WriteBlobAsync(byte[] content, CancellationToken ct = default) =>
        await _git.RunTextAsync(["hash-object", "-w", "-t", "blob", "--stdin"], content, ct: ct);

    /// <summary>Reads an object, or null when the repository has no object with that name.</summary>
    public async Task<GitObject?> ReadObjectAsync(string sha, CancellationToken ct = default)
    {
        if (!IsSha(sha))
        {
            return null;
        }

        var result = await _git.RunAsync(["cat-file", "--batch"], Encoding.ASCII.GetBytes(sha + "\n"), ct: ct);
        var output = result.EnsureSuccess().Output;
        var headerEnd = Array.IndexOf(output, (byte)'\n');
        var header = Encoding.ASCII.GetString(output, 0, headerEnd).Split(' ');
        if (header.Length < 3 || header[1] == "missing")
        {
            return null;
        }

        var size = int.Parse(header[2], CultureInfo.InvariantCulture);
        return new GitObject(header[0], header[1], output.AsSpan(headerEnd + 1, size).ToArray());
    }

    public async Task<GitCommit?> ReadCommitAsync(string sha, CancellationToken ct = default)
    {
        var obj = await ReadObjectAsync(sha, ct);
        return obj is { Type: "commit" } ? ParseCommit(obj.Sha, Encoding.UTF8.GetString(obj.Content)) : null;
    }

    public static bool IsSha(string? value) =>
        value is { Length: 40 } && value.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    private static GitCommit ParseCommit(string sha, string raw)
    {
        var split = raw.IndexOf("\n\n", StringComparison.Ordinal);
        var headers = split < 0 ? raw : raw[..split];
        var message = split < 0 ? "" : raw[(split + 2)..];
        string tree = "";
        var parents = new List<string>();
        GitIdentity? author = null, committer = null;
        StringBuilder? signature = null;
        var unsigned = new StringBuilder();
        var inSignature = false;
        foreach (var line in headers.Split('\n'))
        {
            if (line.StartsWith("gpgsig ", StringComparison.Ordinal) || (inSignature && line.StartsWith(' ')))
            {
                inSignature = true;
                var first = signature is null;
                signature ??= new StringBuilder();
                signature.Append(line[(first ? "gpgsig ".Length : 1)..]).Append('\n');
                continue;
            }

            inSignature = false;
            unsigned.Append(line).Append('\n');
            var space = line.IndexOf(' ');
            if (space <= 0)
            {
                continue;
            }

            var value = line[(space + 1)..];
            switch (line[..space])
            {
                case "tree": tree = value; break;
                case "parent": parents.Add(value); break;
                case "author": author = GitIdentity.Parse(value); break;
                case "committer": committer = GitIdentity.Parse(value); break;
            }
        }

        var unknown = new GitIdentity("unknown", "unknown@localhost", DateTimeOffset.UnixEpoch);
        return new GitCommit(sha, tree, parents, author ?? unknown, committer ?? unknown, message, signature?.ToString(),
            signature is null ? null : unsigned + "\n" + message);
    }
}
