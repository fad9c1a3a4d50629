using System.Text.Json.Nodes;
using Pipeline.Rehearsal.GitHub.GraphQL.Execution;
using Pipeline.Rehearsal.GitHub.Rest.GitData;

namespace Pipeline.Rehearsal.GitHub.GraphQL.Schema;

/// <summary>
/// <c>createCommitOnBranch</c>: several additions and deletions in one commit on the tip of a branch, only if the
/// branch still points at <c>expectedHeadOid</c>; the commit is signed by GitHub (verified).
/// </summary>
internal static class CommitOnBranch
{
    public static async Task<object?> RunAsync(GraphContext context, GraphArguments input)
    {
        var (repository, branch) = await BranchAsync(context, input.Object("branch")
            ?? throw new GraphError("missingRequiredInputObjectAttribute", "Argument 'branch' on InputObject 'CreateCommitOnBranchInput' is required."));
        context.Require(repository, "contents", Access.Write);
        var expected = input.RequiredString("expectedHeadOid");
        var message = input.Object("message")
            ?? throw new GraphError("missingRequiredInputObjectAttribute", "Argument 'message' on InputObject 'CreateCommitOnBranchInput' is required.");
        var headline = message["headline"]?.GetValue<string>()
            ?? throw new GraphError("missingRequiredInputObjectAttribute", "Argument 'headline' on InputObject 'CommitMessage' is required.");
        var body = message["body"]?.GetValue<string>();
        var changes = input.Object("fileChanges");
        var ct = context.Cancellation;
        string sha;
        using (await repository.LockAsync(ct))
        {
            var head = await repository.Git.ReadRefAsync("refs/heads/" + branch, ct)
                ?? throw new GraphError("UNPROCESSABLE", $"A ref named \"refs/heads/{branch}\" does not exist.");
            if (head != expected)
            {
                throw new GraphError("STALE_DATA", $"Expected branch to point to \"{expected}\" but it did not. Pull and try again.");
            }

            if (Writes.Refusal(repository, branch, context.Principal) is { } refusal)
            {
                throw new GraphError("UNPROCESSABLE", $"Protected branch update failed for refs/heads/{branch}.\n\n{refusal}");
            }

            var treeChanges = await ChangesAsync(repository, head, changes, ct);
            var text = body is { Length: > 0 } ? headline + "\n\n" + body : headline;
            var commit = BranchCommits.ByWebFlow(context.State, context.Principal, branch, text + "\n");
            sha = await BranchCommits.CommitAsync(context.State, repository, commit, head, treeChanges, ct)
                ?? throw new GraphError("STALE_DATA", $"Expected branch to point to \"{expected}\" but it did not. Pull and try again.");
        }

        await context.State.RefsChangedAsync(repository, ct);
        var created = (await repository.Git.ReadCommitAsync(sha, ct))!;
        return MutationType.Payload("CreateCommitOnBranchPayload", input)
            .Value("commit", GitTypes.Commit(context, repository, created))
            .Value("ref", GitTypes.Ref(context, repository, "refs/heads/" + branch, sha));
    }

    private static async Task<(RepositoryState Repository, string Branch)> BranchAsync(GraphContext context, JsonObject branch)
    {
        if (branch["repositoryNameWithOwner"]?.GetValue<string>() is { } nameWithOwner)
        {
            var parts = nameWithOwner.Split('/');
            if (parts.Length != 2)
            {
                throw GraphContext.NotFound(nameWithOwner);
            }

            var name = branch["branchName"]?.GetValue<string>()
                ?? throw new GraphError("UNPROCESSABLE", "branchName is required with repositoryNameWithOwner");
            var repository = context.State.FindRepository(parts[0], parts[1]) ?? throw GraphContext.NotFound(nameWithOwner);
            return (repository, name.StartsWith("refs/heads/", StringComparison.Ordinal) ? name["refs/heads/".Length..] : name);
        }

        var id = branch["id"]?.GetValue<string>()
            ?? throw new GraphError("UNPROCESSABLE", "A branch needs an id or repositoryNameWithOwner and branchName");
        foreach (var repository in context.State.AllRepositories())
        {
            var match = (await repository.Git.ListRefsAsync("refs/heads/", context.Cancellation))
                .FirstOrDefault(r => NodeIds.ForSha("REF_kwDO", repository.Id + r.Name) == id);
            if (match is not null)
            {
                return (repository, match.Name["refs/heads/".Length..]);
            }
        }

        throw new GraphError("NOT_FOUND", $"Could not resolve to a node with the global id of '{id}'");
    }

    private static async Task<List<GitTreeChange>> ChangesAsync(RepositoryState repository, string head, JsonObject? changes,
        CancellationToken ct)
    {
        var result = new List<GitTreeChange>();
        foreach (var deletion in changes?["deletions"] as JsonArray ?? [])
        {
            var path = deletion?["path"]?.GetValue<string>() ?? "";
            var entry = await repository.Git.FindEntryAsync(head, path, ct);
            if (entry is not { Type: "blob" })
            {
                throw new GraphError("UNPROCESSABLE",
                    $"A path was requested for deletion which does not exist as of commit oid `{head}`");
            }

            result.Add(new GitTreeChange(path, entry.Mode, "blob", null));
        }

        foreach (var addition in changes?["additions"] as JsonArray ?? [])
        {
            var path = addition?["path"]?.GetValue<string>()?.Trim('/') ?? "";
            var contents = addition?["contents"]?.GetValue<string>();
            var bytes = contents is null ? null : GitPresenter.FromBase64(contents);
            if (path.Length == 0 || bytes is null)
            {
                throw new GraphError("UNPROCESSABLE", $"Invalid file addition for path '{path}': contents must be Base64.");
            }

            var existing = await repository.Git.FindEntryAsync(head, path, ct);
            var blob = await repository.Git.WriteBlobAsync(bytes, ct);
            result.Add(new GitTreeChange(path, existing?.Mode is "100755" ? "100755" : "100644", "blob", blob));
        }

        return result;
    }
}
