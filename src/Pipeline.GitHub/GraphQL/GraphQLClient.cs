using System.Globalization;
using System.Net;
using System.Text.Json;
using Pipeline.GitHub.Http;
using Pipeline.GitHub.Json;

namespace Pipeline.GitHub.GraphQL;

internal sealed class GraphQLClient(GitHubConnection connection) : IGraphQLClient
{
    public Task<BranchSnapshot> ReadFilesAsync(RepositoryId repository, string branch, IReadOnlyList<string> paths, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(branch);
        return ReadBranchAsync(repository, new BranchRead(branch, paths), cancellationToken);
    }

    public async Task<BranchSnapshot> ReadBranchAsync(RepositoryId repository, BranchRead read, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(read.Paths);
        if (read.Branch is { } named)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(named, nameof(read));
        }

        var request = Request("ReadFiles", ReadBranchBody(repository, read), RetryMode.Idempotent, null);
        var response = await connection.SendAsync(request, GraphQLJsonContext.Default.GraphQLResponseJsonElement, cancellationToken).ConfigureAwait(false);

        var field = read.Branch is null ? "defaultBranchRef" : "ref";
        var reference = response.Data is { } data
            && data.TryGetProperty("repository", out var repo) && repo.ValueKind == JsonValueKind.Object
            && repo.TryGetProperty(field, out var r) && r.ValueKind == JsonValueKind.Object
                ? r
                : throw NotFound(request, read.Branch is { } branch
                    ? $"Branch {branch} of {repository} was not found. Check its name, and that the credential may read the repository."
                    : $"{repository} has no default branch (it is empty, or the credential may not read it). Push a first commit, or check the credential.");
        var target = reference.TryGetProperty("target", out var t) && t.ValueKind == JsonValueKind.Object
            ? t
            : throw NotFound(request, $"The branch of {repository} points to nothing.");

        var paths = read.Paths;
        var files = new Dictionary<string, FileSnapshot?>(StringComparer.Ordinal);
        for (var i = 0; i < paths.Count; i++)
        {
            files[paths[i]] = target.TryGetProperty("f" + i.ToString(CultureInfo.InvariantCulture), out var entry) && entry.ValueKind == JsonValueKind.Object
                ? ReadFile(paths[i], entry)
                : null;
        }

        var histories = new List<HistoryPage>(read.Histories.Count);
        for (var i = 0; i < read.Histories.Count; i++)
        {
            histories.Add(target.TryGetProperty("h" + i.ToString(CultureInfo.InvariantCulture), out var history) && history.ValueKind == JsonValueKind.Object
                ? ReadHistory(history)
                : throw new GitHubException($"The query for {repository} returned no history for {read.Histories[i].Path ?? "the branch"}."));
        }

        var tree = target.TryGetProperty("tree", out var t2) && t2.ValueKind == JsonValueKind.Object && t2.TryGetProperty("oid", out var treeOid) ? treeOid.GetString() : null;
        var name = read.Branch ?? (reference.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null)
            ?? throw new GitHubException($"The query for {repository} returned the default branch without its name.");
        return new BranchSnapshot(name, target.GetProperty("oid").GetString()!, files) { TreeOid = tree, Histories = histories };
    }

    public async Task<CreatedCommit> CreateCommitOnBranchAsync(CommitOnBranch commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var branch = BranchName(commit.Branch);

        // Guarded by expectedHeadOid, yet still not repeated blindly: a lost answer may hide a commit that landed.
        var request = Request("CreateCommitOnBranch", CommitBody(commit), RetryMode.UnlessProcessed, new GitHubOperation.CommitOnBranch(branch, commit.ExpectedHeadOid));
        var response = await connection.SendAsync(request, GraphQLJsonContext.Default.GraphQLResponseCreateCommitData, cancellationToken).ConfigureAwait(false);
        var created = response.Data?.CreateCommitOnBranch?.Commit
            ?? throw new GitHubException($"createCommitOnBranch on {commit.Repository} {branch} returned no commit; read the branch head to see whether it landed.");
        return new CreatedCommit(created.Oid, created.Url);
    }

    public async Task EnablePullRequestAutoMergeAsync(AutoMergeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.PullRequestNodeId);

        // Enabling auto-merge twice leaves it enabled once.
        var call = Request("EnablePullRequestAutoMerge", AutoMergeBody(request), RetryMode.Idempotent, null);
        await connection.SendAsync(call, GraphQLJsonContext.Default.GraphQLResponseAutoMergeData, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The JSON body of the ReadFiles query.</summary>
    internal static byte[] ReadFilesBody(RepositoryId repository, string branch, IReadOnlyList<string> paths) =>
        ReadBranchBody(repository, new BranchRead(branch, paths));

    /// <summary>The JSON body of the ReadFiles query for a branch read.</summary>
    internal static byte[] ReadBranchBody(RepositoryId repository, BranchRead read)
    {
        var variables = new Dictionary<string, string>
        {
            ["owner"] = repository.Owner,
            ["name"] = repository.Name,
        };
        if (read.Branch is { } branch)
        {
            variables["ref"] = branch.StartsWith("refs/", StringComparison.Ordinal) ? branch : "refs/heads/" + branch;
        }

        for (var i = 0; i < read.Paths.Count; i++)
        {
            variables["p" + i.ToString(CultureInfo.InvariantCulture)] = read.Paths[i].Trim('/');
        }

        for (var i = 0; i < read.Histories.Count; i++)
        {
            if (read.Histories[i].Path is { } path)
            {
                variables["h" + i.ToString(CultureInfo.InvariantCulture)] = path.Trim('/');
            }
        }

        var body = new GraphQLRequest<Dictionary<string, string>>(GraphQLQueries.ReadFiles(read), "ReadFiles", variables);
        return GitHubConnection.Serialize(body, GraphQLJsonContext.Default.GraphQLRequestDictionaryStringString);
    }

    /// <summary>The JSON body of the createCommitOnBranch mutation.</summary>
    internal static byte[] CommitBody(CommitOnBranch commit)
    {
        var input = new CreateCommitOnBranchInput(
            new CommittableBranch(commit.Repository.ToString(), BranchName(commit.Branch)),
            new CommitMessageInput(commit.Headline, commit.Body),
            commit.ExpectedHeadOid,
            new FileChangesInput(
                commit.Additions.Select(a => new FileAdditionInput(a.Path.Trim('/'), GitHubBase64.Encode(a.Contents))).ToList(),
                commit.Deletions.Select(d => new FileDeletionInput(d.Trim('/'))).ToList()));
        var body = new GraphQLRequest<CreateCommitVariables>(GraphQLQueries.CreateCommitOnBranch, "CreateCommitOnBranch", new CreateCommitVariables(input));
        return GitHubConnection.Serialize(body, GraphQLJsonContext.Default.GraphQLRequestCreateCommitVariables);
    }

    /// <summary>The JSON body of the enablePullRequestAutoMerge mutation.</summary>
    internal static byte[] AutoMergeBody(AutoMergeRequest request)
    {
        var input = new AutoMergeInput(request.PullRequestNodeId, request.Method.ToString().ToUpperInvariant(),
            request.CommitHeadline, request.CommitBody, request.ExpectedHeadOid);
        var body = new GraphQLRequest<AutoMergeVariables>(GraphQLQueries.EnableAutoMerge, "EnablePullRequestAutoMerge", new AutoMergeVariables(input));
        return GitHubConnection.Serialize(body, GraphQLJsonContext.Default.GraphQLRequestAutoMergeVariables);
    }

    private static string BranchName(string branch) =>
        branch.StartsWith("refs/heads/", StringComparison.Ordinal) ? branch["refs/heads/".Length..] : branch;

    private GitHubRequest Request(string operation, byte[] body, RetryMode retry, GitHubOperation? kind) =>
        new(HttpMethod.Post, "graphql " + operation)
        {
            AbsoluteUri = connection.Options.Endpoint.GraphQL,
            Body = body,
            Retry = retry,
            Operation = kind,
            IsGraphQL = true,
        };

    private static FileSnapshot ReadFile(string path, JsonElement entry)
    {
        var oid = entry.GetProperty("oid").GetString()!;
        var blob = entry.TryGetProperty("object", out var o) && o.ValueKind == JsonValueKind.Object ? o : default;
        bool Flag(string name) => blob.ValueKind == JsonValueKind.Object && blob.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
        var text = blob.ValueKind == JsonValueKind.Object && blob.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var size = blob.ValueKind == JsonValueKind.Object && blob.TryGetProperty("byteSize", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt64() : 0;
        var mode = entry.TryGetProperty("mode", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetInt32() : (int?)null;
        return new FileSnapshot(path, oid, text, Flag("isBinary"), Flag("isTruncated"), size) { Mode = mode };
    }

    private static HistoryPage ReadHistory(JsonElement history)
    {
        var commits = new List<HistoryEntry>();
        if (history.TryGetProperty("nodes", out var nodes) && nodes.ValueKind == JsonValueKind.Array)
        {
            foreach (var node in nodes.EnumerateArray())
            {
                commits.Add(new HistoryEntry(node.GetProperty("oid").GetString()!,
                    node.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : ""));
            }
        }

        var more = history.TryGetProperty("pageInfo", out var info) && info.ValueKind == JsonValueKind.Object
            && info.TryGetProperty("hasNextPage", out var next) && next.ValueKind == JsonValueKind.True;
        return new HistoryPage(commits, more);
    }

    private static GitHubNotFoundException NotFound(GitHubRequest request, string message) =>
        new(message, new GitHubResponseInfo(request.Method.Method, request.Path, HttpStatusCode.NotFound, null, null, null, []), null);
}
