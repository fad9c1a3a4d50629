namespace Pipeline.GitHub.Benchmark;

/// <summary>
/// Three ways to read N files of a branch and write a new version of each: the same edit (append a line),
/// done with the API calls each path needs and nothing more.
/// </summary>
internal static class Approaches
{
    public static string Edit(string text) => text + "pinned: sha256:0123\n";

    /// <summary>One query for the head and every file, one createCommitOnBranch: 2 requests, 1 commit.</summary>
    public static async Task GraphQLAsync(IGitHubClient client, RepositoryId repository, IReadOnlyList<string> paths)
    {
        var snapshot = await client.GraphQL.ReadFilesAsync(repository, "main", paths);
        await client.GraphQL.CreateCommitOnBranchAsync(new CommitOnBranch(repository, "main", snapshot.HeadOid, "Promote")
        {
            Additions = paths.Select(p => FileAddition.Text(p, Edit(snapshot.Files[p]!.Text!))).ToList(),
        });
    }

    /// <summary>Ref, each file at that commit, the commit's tree, a new tree with inline content, a commit, a fast-forward: N + 5 requests, 1 commit.</summary>
    public static async Task GitDataAsync(IGitHubClient client, RepositoryId repository, IReadOnlyList<string> paths)
    {
        var head = (await client.Git.GetRefAsync(repository, "heads/main")).Object.Sha;
        var changes = new List<TreeChange>();
        foreach (var path in paths)
        {
            var file = await client.Contents.GetFileAsync(repository, path, head);
            changes.Add(TreeChange.Text(path, Edit(file.Text)));
        }

        var baseTree = (await client.Git.GetCommitAsync(repository, head)).Tree.Sha;
        var tree = await client.Git.CreateTreeAsync(repository, baseTree, changes);
        var commit = await client.Git.CreateCommitAsync(repository, new NewCommit("Promote", tree.Sha, [head]));
        await client.Git.UpdateRefAsync(repository, "heads/main", commit.Sha);
    }

    /// <summary>A read and a write per file: 2N requests and N commits (the contents API cannot group files).</summary>
    public static async Task ContentsAsync(IGitHubClient client, RepositoryId repository, IReadOnlyList<string> paths)
    {
        foreach (var path in paths)
        {
            var file = await client.Contents.GetFileAsync(repository, path, "main");
            await client.Contents.PutFileAsync(repository, FileWrite.Text(path, Edit(file.Text), "Promote " + path) with { Sha = file.Sha, Branch = "main" });
        }
    }
}
