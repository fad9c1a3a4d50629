using System.Globalization;
using System.Net;
using System.Text.Json;
using Pipeline.GitHub.Http;
using Pipeline.GitHub.Json;

namespace Pipeline.GitHub.GraphQL;

internal sealed class GraphQLClient(GitHubConnection connection) : IGraphQLClient
{
    public async Task<BranchSnapshot> ReadFilesAsync(RepositoryId repository, string branch, IReadOnlyList<string> paths, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(branch);
        ArgumentNullException.ThrowIfNull(paths);
        var request = Request("ReadFiles", ReadFilesBody(repository, branch, paths), RetryMode.Idempotent, null);
        var response = await connection.SendAsync(request, GraphQLJsonContext.Default.GraphQLResponseJsonElement, cancellationToken).ConfigureAwait(false);

        var target = response.Data is { } data
            && data.TryGetProperty("repository", out var repo) && repo.ValueKind == JsonValueKind.Object
            && repo.TryGetProperty("ref", out var reference) && reference.ValueKind == JsonValueKind.Object
            && reference.TryGetProperty("target", out var t) && t.ValueKind == JsonValueKind.Object
                ? t
                : throw NotFound(request, $"Branch {branch} of {repository} was not found. Check its name, and that the credential may read the repository.");

        var files = new Dictionary<string, FileSnapshot?>(StringComparer.Ordinal);
        for (var i = 0; i < paths.Count; i++)
        {
            files[paths[i]] = target.TryGetProperty("f" + i.ToString(CultureInfo.InvariantCulture), out var entry) && entry.ValueKind == JsonValueKind.Object
                ? ReadFile(paths[i], entry)
                : null;
        }

        var tree = target.TryGetProperty("tree", out var t2) && t2.ValueKind == JsonValueKind.Object && t2.TryGetProperty("oid", out var treeOid) ? treeOid.GetString() : null;
        return new BranchSnapshot(branch, target.GetProperty("oid").GetString()!, files) { TreeOid = tree };
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
    internal static byte[] ReadFilesBody(RepositoryId repository, string branch, IReadOnlyList<string> paths)
    {
        var variables = new Dictionary<string, string>
        {
            ["owner"] = repository.Owner,
            ["name"] = repository.Name,
            ["ref"] = branch.StartsWith("refs/", StringComparison.Ordinal) ? branch : "refs/heads/" + branch,
        };
        for (var i = 0; i < paths.Count; i++)
        {
            variables["p" + i.ToString(CultureInfo.InvariantCulture)] = paths[i].Trim('/');
        }

        var body = new GraphQLRequest<Dictionary<string, string>>(GraphQLQueries.ReadFiles(paths.Count), "ReadFiles", variables);
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

    private static GitHubNotFoundException NotFound(GitHubRequest request, string message) =>
        new(message, new GitHubResponseInfo(request.Method.Method, request.Path, HttpStatusCode.NotFound, null, null, null, []), null);
}
