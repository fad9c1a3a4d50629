namespace Pipeline.Rehearsal.GitHub.Rest.Commits;

/// <summary>The text media types of commits, comparisons and pull requests: <c>sha</c>, <c>diff</c> and <c>patch</c>.</summary>
internal static class CommitText
{
    /// <summary><c>git diff</c> between two commits (full index lines, as GitHub's), or <c>git format-patch</c> of the range.</summary>
    public static async Task<string> DiffAsync(RepositoryState repository, string from, string to, bool patch, CancellationToken ct)
    {
        string[] arguments = patch
            ? ["format-patch", "--stdout", "--no-signature", from + ".." + to]
            : ["diff", "--no-color", "--no-ext-diff", from, to];
        return (await repository.Git.RunAsync(arguments, ct: ct)).EnsureSuccess().Text;
    }

    /// <summary>The hunks of each file of a diff, by path (what GitHub puts in a diff entry's <c>patch</c>).</summary>
    public static IReadOnlyDictionary<string, string> Hunks(string diff)
    {
        var hunks = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in diff.Split("diff --git ", StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = file.Split('\n');
            var path = lines.FirstOrDefault(l => l.StartsWith("+++ b/", StringComparison.Ordinal))?[6..]
                ?? lines.FirstOrDefault(l => l.StartsWith("--- a/", StringComparison.Ordinal))?[6..];
            var start = Array.FindIndex(lines, l => l.StartsWith("@@", StringComparison.Ordinal));
            if (path is not null && start >= 0)
            {
                hunks[path] = string.Join('\n', lines[start..]).TrimEnd('\n');
            }
        }

        return hunks;
    }

    public static Task WriteAsync(HttpContext context, string text)
    {
        context.Response.ContentType = context.MediaType() + "; charset=utf-8";
        return context.Response.WriteAsync(text, context.RequestAborted);
    }
}
