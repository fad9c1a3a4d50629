namespace Pipeline.Rehearsal.GitHub.Rest.GitData;

/// <summary>Creates a tree from a <c>POST /git/trees</c> body: entries by sha, by content, or removed.</summary>
internal static class TreeBuilder
{
    private const string Docs = "https://docs.github.com/rest/git/trees#create-a-tree";
    private static readonly string[] Modes = ["100644", "100755", "040000", "160000", "120000"];

    public static async Task<string> CreateAsync(RepositoryState repository, CreateTreeRequest body, CancellationToken ct)
    {
        if (body.Tree is null)
        {
            throw ApiErrorException.Validation(Docs, new ValidationErrorItem("Tree", "missing_field", "tree"));
        }

        string? baseTree = null;
        if (body.BaseTree is { } requested)
        {
            baseTree = (await repository.Git.FindEntryAsync(requested, "", ct))?.Sha
                ?? throw ApiErrorException.Unprocessable("base_tree is not a valid tree oid", Docs);
        }

        var changes = new List<GitTreeChange>();
        foreach (var item in body.Tree)
        {
            if (string.IsNullOrEmpty(item.Path) || item.Path.StartsWith('/') || item.Path.EndsWith('/'))
            {
                throw ApiErrorException.Unprocessable($"tree.path contains a malformed path component", Docs);
            }

            if (item.Mode is null || !Modes.Contains(item.Mode))
            {
                throw ApiErrorException.Unprocessable($"tree.mode must be one of {string.Join(", ", Modes)}", Docs);
            }

            var type = item.Type ?? (item.Mode == "040000" ? "tree" : item.Mode == "160000" ? "commit" : "blob");
            if (item.Content is not null)
            {
                var blob = await repository.Git.WriteBlobAsync(Encoding.UTF8.GetBytes(item.Content), ct);
                changes.Add(new GitTreeChange(item.Path, item.Mode, "blob", blob));
                continue;
            }

            if (item.Sha is not null && type != "commit")
            {
                var obj = await repository.Git.ReadObjectAsync(item.Sha, ct);
                if (obj is null || obj.Type != type)
                {
                    throw ApiErrorException.Unprocessable($"tree.sha {item.Sha} is not a valid {type}", Docs);
                }
            }

            changes.Add(new GitTreeChange(item.Path, item.Mode, type, item.Sha));
        }

        return await repository.Git.EditTreeAsync(baseTree, changes, ct);
    }
}
