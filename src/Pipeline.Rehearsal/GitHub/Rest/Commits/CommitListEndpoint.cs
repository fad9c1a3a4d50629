using System.Globalization;

namespace Pipeline.Rehearsal.GitHub.Rest.Commits;

/// <summary>
/// <c>GET /repos/{owner}/{repo}/commits</c>: the commits reachable from <c>sha</c> (a branch or commit; the default
/// branch when absent) that changed <c>path</c>, newest first, paged with <c>per_page</c> (at most 100) and <c>page</c>,
/// with a <c>Link</c> header as GitHub sends it. <c>git rev-list</c> does the walk, with git's history simplification
/// for a path, as GitHub's does.
/// </summary>
internal static class CommitListEndpoint
{
    private const string Docs = "https://docs.github.com/rest/commits/commits#list-commits";

    public static void Map(IEndpointRouteBuilder routes, GitHubState state)
    {
        routes.MapGet("/repos/{owner}/{repo}/commits", async context =>
        {
            var repository = context.Repository(state, "contents", Access.Read, Docs);
            if (context.Query("author") is not null || context.Query("committer") is not null)
            {
                throw new ApiErrorException(400, "The local GitHub server does not filter commits by author or committer; filter the listed commits instead.", Docs);
            }

            var start = context.Query("sha");
            var sha = start is null
                ? await repository.Git.ReadRefAsync("refs/heads/" + repository.DefaultBranch, context.RequestAborted)
                    ?? throw ApiErrorException.Conflict("Git Repository is empty.", Docs)
                : await repository.Git.ResolveCommitAsync(start, context.RequestAborted)
                    ?? throw new ApiErrorException(404, $"No commit found for SHA: {start}", Docs);
            var perPage = Math.Clamp(int.TryParse(context.Query("per_page"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 30, 1, 100);
            var page = Math.Max(1, int.TryParse(context.Query("page"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 1);

            // One more than a page tells whether a next page exists.
            var shas = await repository.Git.ListCommitsAsync(sha, Blank(context.Query("path")), (page - 1) * perPage, perPage + 1,
                Date(context, "since"), Date(context, "until"), context.RequestAborted);
            var links = context.Links();
            var commits = new List<CommitJson>();
            foreach (var commit in shas.Take(perPage))
            {
                commits.Add(CommitPresenter.Commit(state, repository, (await repository.Git.ReadCommitAsync(commit, context.RequestAborted))!, links));
            }

            if (PageLinks(context, links.Repo(repository.FullName) + "/commits", page, shas.Count > perPage) is { Length: > 0 } header)
            {
                context.Response.Headers["Link"] = header;
            }

            await context.WriteJsonAsync(commits, GitHubJson.Default.IReadOnlyListCommitJson);
        });
    }

    private static string? Blank(string? path) => string.IsNullOrWhiteSpace(path) ? null : path.Trim('/');

    private static DateTimeOffset? Date(HttpContext context, string name)
    {
        var text = context.Query(name);
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : throw new ApiErrorException(400, $"Invalid value for '{name}': \"{text}\" is not an ISO 8601 timestamp (YYYY-MM-DDTHH:MM:SSZ).", Docs);
    }

    /// <summary><c>Link</c> with <c>next</c>, and <c>prev</c> and <c>first</c> past the first page, keeping the other parameters.</summary>
    private static string PageLinks(HttpContext context, string url, int page, bool more)
    {
        string At(int number)
        {
            var query = context.Request.Query
                .Where(q => q.Key != "page")
                .Select(q => q.Key + "=" + Uri.EscapeDataString(q.Value.ToString()))
                .Append("page=" + number.ToString(CultureInfo.InvariantCulture));
            return "<" + url + "?" + string.Join('&', query) + ">";
        }

        var parts = new List<string>();
        if (page > 1)
        {
            parts.Add(At(page - 1) + "; rel=\"prev\"");
        }

        if (more)
        {
            parts.Add(At(page + 1) + "; rel=\"next\"");
        }

        if (page > 1)
        {
            parts.Add(At(1) + "; rel=\"first\"");
        }

        return string.Join(", ", parts);
    }
}
