using Pipeline.Rehearsal.GitHub.GraphQL.Execution;

namespace Pipeline.Rehearsal.GitHub.GraphQL.Schema;

/// <summary>Git objects and refs as GraphQL types: Blob, Tree, Commit (GitObject), Ref.</summary>
internal static class GitTypes
{
    public static async Task<GraphObject?> ObjectAsync(GraphContext context, RepositoryState repository, string? expression,
        string? oid)
    {
        context.Require(repository, "contents", Access.Read);
        var git = repository.Git;
        string? sha = oid;
        if (expression is not null)
        {
            if (expression.StartsWith('-'))
            {
                return null;
            }

            var resolved = await git.RunAsync(["rev-parse", "--verify", "--quiet", expression], ct: context.Cancellation);
            sha = resolved.ExitCode == 0 ? resolved.Text.Trim() : null;
        }

        if (sha is null || await git.ReadObjectAsync(sha, context.Cancellation) is not { } obj)
        {
            return null;
        }

        return obj.Type switch
        {
            "blob" => Blob(repository, obj, context),
            "tree" => Tree(context, repository, obj.Sha),
            "commit" => Commit(context, repository, (await git.ReadCommitAsync(obj.Sha, context.Cancellation))!),
            _ => null,
        };
    }

    public static GraphObject Blob(RepositoryState repository, GitObject blob, GraphContext context)
    {
        var binary = blob.Content.AsSpan(0, Math.Min(blob.Content.Length, 8000)).Contains((byte)0);
        return new GraphObject("Blob", "GitObject", "Node")
            .Value("id", NodeIds.ForSha("B_kwDO", blob.Sha))
            .Value("oid", blob.Sha)
            .Value("abbreviatedOid", blob.Sha[..7])
            .Value("byteSize", blob.Content.Length)
            .Value("isBinary", binary)
            .Value("isTruncated", false)
            .Field("text", () => binary ? null : Encoding.UTF8.GetString(blob.Content))
            .Value("commitUrl", context.Links.RepoHtml(repository.FullName))
            .Field("repository", () => RepositoryType.Create(context, repository));
    }

    public static GraphObject Tree(GraphContext context, RepositoryState repository, string sha) =>
        new GraphObject("Tree", "GitObject", "Node")
            .Value("id", NodeIds.ForSha("T_kwDO", sha))
            .Value("oid", sha)
            .Value("abbreviatedOid", sha[..7])
            .Field("entries", async _ => (object?)(await repository.Git.ListTreeAsync(sha, false, ct: context.Cancellation))
                .Select(e => TreeEntry(context, repository, e, e.Path))
                .ToList())
            .Field("repository", () => RepositoryType.Create(context, repository));

    /// <summary>A <c>TreeEntry</c>; <paramref name="path"/> is the full path from the root of the commit.</summary>
    public static GraphObject TreeEntry(GraphContext context, RepositoryState repository, GitTreeEntry entry, string path) =>
        new GraphObject("TreeEntry")
            .Value("name", path.Split('/')[^1])
            .Value("path", path)
            .Value("extension", System.IO.Path.GetExtension(path) is { Length: > 0 } extension ? extension : null)
            .Value("type", entry.Type)
            .Value("mode", Convert.ToInt32(entry.Mode, 8))
            .Value("oid", entry.Sha)
            .Value("size", (int)(entry.Size ?? 0))
            .Value("isGenerated", false)
            .Field("object", async _ => (object?)await ObjectAsync(context, repository, null, entry.Sha));

    public static GraphObject Commit(GraphContext context, RepositoryState repository, GitCommit commit)
    {
        var url = context.Links.RepoHtml(repository.FullName) + "/commit/" + commit.Sha;
        var verified = Rest.GitData.GitPresenter.IsSignedByGitHub(repository, commit);

        var headline = commit.Message.Split('\n')[0];
        return new GraphObject("Commit", "GitObject", "Node")
            .Value("id", NodeIds.ForSha("C_kwDO", commit.Sha))
            .Value("oid", commit.Sha)
            .Value("abbreviatedOid", commit.Sha[..7])
            .Value("url", url)
            .Value("commitUrl", url)
            .Value("message", commit.Message.TrimEnd('\n'))
            .Value("messageHeadline", headline)
            .Value("messageBody", commit.Message.Length > headline.Length ? commit.Message[headline.Length..].Trim('\n') : "")
            .Value("committedDate", Timestamps.Format(commit.Committer.When))
            .Value("authoredDate", Timestamps.Format(commit.Author.When))
            .Value("author", Actor(commit.Author))
            .Value("committer", Actor(commit.Committer))
            .Value("signature", verified
                ? new GraphObject("GpgSignature", "GitSignature").Value("isValid", true).Value("state", "VALID")
                    .Value("wasSignedByGitHub", true).Value("signature", commit.Signature).Value("payload", commit.Payload)
                : null)
            .Field("tree", () => Tree(context, repository, commit.Tree))
            .Value("treeUrl", context.Links.RepoHtml(repository.FullName) + "/tree/" + commit.Sha)
            .Field("file", async arguments =>
            {
                var path = arguments.RequiredString("path").Trim('/');
                var entry = path.Length == 0 ? null : await repository.Git.FindEntryAsync(commit.Sha, path, context.Cancellation);
                return entry is null ? null : (object?)TreeEntry(context, repository, entry, path);
            })
            .Field("history", async arguments =>
            {
                // Newest first, every parent followed, as GitHub lists it; path keeps only the commits that changed it.
                var first = Math.Clamp(arguments.Int("first") ?? 100, 1, 100);
                var path = arguments.String("path")?.Trim('/') is { Length: > 0 } p ? p : null;
                var shas = await repository.Git.ListCommitsAsync(commit.Sha, path, 0, first + 1, ct: context.Cancellation);
                var commits = new List<GraphObject>();
                foreach (var sha in shas.Take(first))
                {
                    commits.Add(Commit(context, repository, (await repository.Git.ReadCommitAsync(sha, context.Cancellation))!));
                }

                return Connections.Of("CommitHistoryConnection", commits, hasNextPage: shas.Count > first);
            })
            .Field("parents", async _ =>
            {
                var parents = new List<GraphObject>();
                foreach (var parent in commit.Parents)
                {
                    parents.Add(Commit(context, repository, (await repository.Git.ReadCommitAsync(parent, context.Cancellation))!));
                }

                return Connections.Of("CommitConnection", parents);
            })
            .Field("repository", () => RepositoryType.Create(context, repository))
            .Field("statusCheckRollup", () => StatusRollup.Create(context, repository, commit.Sha));
    }

    public static GraphObject Ref(GraphContext context, RepositoryState repository, string fullName, string sha)
    {
        var slash = fullName.StartsWith("refs/heads/", StringComparison.Ordinal) ? "refs/heads/".Length
            : fullName.StartsWith("refs/tags/", StringComparison.Ordinal) ? "refs/tags/".Length : fullName.LastIndexOf('/') + 1;
        return new GraphObject("Ref", "Node")
            .Value("id", NodeIds.ForSha("REF_kwDO", repository.Id + fullName))
            .Value("name", fullName[slash..])
            .Value("prefix", fullName[..slash])
            .Field("target", async _ => (object?)await ObjectAsync(context, repository, null, sha))
            .Field("repository", () => RepositoryType.Create(context, repository))
            .Field("associatedPullRequests", arguments => RepositoryType.PullRequestsAsync(context, repository,
                arguments, head: fullName[slash..]));
    }

    private static GraphObject Actor(GitIdentity identity) =>
        new GraphObject("GitActor")
            .Value("name", identity.Name)
            .Value("email", identity.Email)
            .Value("date", Timestamps.Format(identity.When));
}

/// <summary>Connections (<c>nodes</c>, <c>edges</c>, <c>totalCount</c>, <c>pageInfo</c>) over complete lists.</summary>
internal static class Connections
{
    public static GraphObject Of(string typeName, IReadOnlyList<GraphObject> items, bool hasNextPage = false) =>
        new GraphObject(typeName)
            .Value("nodes", items)
            .Value("totalCount", items.Count)
            .Value("edges", items.Select((item, i) => new GraphObject(typeName.Replace("Connection", "Edge", StringComparison.Ordinal))
                .Value("node", item).Value("cursor", Convert.ToBase64String(Encoding.UTF8.GetBytes("cursor:" + (i + 1))))).ToList())
            .Value("pageInfo", new GraphObject("PageInfo").Value("hasNextPage", hasNextPage).Value("hasPreviousPage", false)
                .Value("endCursor", items.Count == 0 ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes("cursor:" + items.Count)))
                .Value("startCursor", items.Count == 0 ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes("cursor:1"))));
}
