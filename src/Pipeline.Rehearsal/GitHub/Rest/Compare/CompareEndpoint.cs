using System.Globalization;
using Pipeline.Rehearsal.GitHub.Rest.Commits;

namespace Pipeline.Rehearsal.GitHub.Rest.Compare;

/// <summary>
/// <c>GET /repos/{owner}/{repo}/compare/{base}...{head}</c>, computed from the bare repository with git itself:
/// <c>status</c> is <c>identical</c>, <c>ahead</c> (head has commits base lacks), <c>behind</c> (the reverse) or
/// <c>diverged</c> (both), from the merge base. Either side may be a sha, a branch or a tag, and the head may be
/// written <c>owner:ref</c>. As on GitHub, a name that resolves to no commit is 404 <c>Not Found</c>, two histories
/// without a common commit are 404 <c>No common ancestor between BASE and HEAD.</c>, and <c>commits</c> lists at most
/// 250 commits, oldest first, unless <c>per_page</c>/<c>page</c> ask for one page of them. With the <c>diff</c> or
/// <c>patch</c> media type the answer is the text from the merge base to the head.
/// </summary>
internal static class CompareEndpoint
{
    private const string Docs = "https://docs.github.com/rest/commits/commits#compare-two-commits";
    private const int UnpagedCommits = 250;

    public static void Map(IEndpointRouteBuilder routes, GitHubState state)
    {
        routes.MapGet("/repos/{owner}/{repo}/compare/{**basehead}", async context =>
        {
            var repository = context.Repository(state, "contents", Access.Read, Docs);
            if (context.Format() is "diff" or "patch")
            {
                // application/vnd.github.diff or .patch: the text from the merge base to the head.
                var (@base, head, mergeBase) = await ResolveAllAsync(repository, context.Route("basehead"), context.RequestAborted);
                await CommitText.WriteAsync(context, await CommitText.DiffAsync(repository, mergeBase, head, context.Format() == "patch", context.RequestAborted));
                return;
            }

            await context.WriteJsonAsync(await CompareAsync(state, repository, context.Route("basehead"), context),
                GitHubJson.Default.ComparisonJson);
        }).WithMetadata(new MediaFormats("diff", "patch"));
    }

    private static async Task<ComparisonJson> CompareAsync(GitHubState state, RepositoryState repository, string basehead, HttpContext context)
    {
        var ct = context.RequestAborted;
        var (@base, head, mergeBase) = await ResolveAllAsync(repository, basehead, ct);
        var (ahead, behind) = await repository.Git.AheadBehindAsync(@base, head, ct);
        var status = (ahead, behind) switch
        {
            (0, 0) => "identical",
            (_, 0) => "ahead",
            (0, _) => "behind",
            _ => "diverged",
        };

        var links = context.Links();
        var commits = new List<CommitJson>();
        foreach (var sha in Page(await repository.Git.CommitsBetweenAsync(mergeBase, head, ct), context))
        {
            commits.Add(CommitPresenter.Commit(state, repository, (await repository.Git.ReadCommitAsync(sha, ct))!, links));
        }

        var repo = links.Repo(repository.FullName);
        var html = links.RepoHtml(repository.FullName);
        return new ComparisonJson(
            repo + "/compare/" + basehead,
            html + "/compare/" + basehead,
            html + "/compare/" + @base + "..." + head,
            html + "/compare/" + basehead + ".diff",
            html + "/compare/" + basehead + ".patch",
            CommitPresenter.Commit(state, repository, (await repository.Git.ReadCommitAsync(@base, ct))!, links),
            CommitPresenter.Commit(state, repository, (await repository.Git.ReadCommitAsync(mergeBase, ct))!, links),
            status, ahead, behind, ahead, commits,
            await CommitPresenter.FilesAsync(repository, mergeBase, head, links, ct));
    }

    /// <summary>Both sides and their merge base, or GitHub's 404s.</summary>
    private static async Task<(string Base, string Head, string MergeBase)> ResolveAllAsync(RepositoryState repository, string basehead, CancellationToken ct)
    {
        var parts = basehead.Split("...", 2);
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            throw ApiErrorException.NotFound(Docs);
        }

        var @base = await ResolveAsync(repository, parts[0], ct);
        var head = await ResolveAsync(repository, parts[1], ct);
        var mergeBase = await repository.Git.MergeBaseAsync(@base, head, ct)
            ?? throw new ApiErrorException(404, $"No common ancestor between {parts[0]} and {parts[1]}.", Docs);
        return (@base, head, mergeBase);
    }

    /// <summary>A sha, branch or tag; <c>owner:ref</c> names a ref of a fork, and only this repository's own owner has one here.</summary>
    private static async Task<string> ResolveAsync(RepositoryState repository, string name, CancellationToken ct)
    {
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            var owner = name[..colon];
            if (!string.Equals(owner, repository.FullName.Split('/')[0], StringComparison.OrdinalIgnoreCase))
            {
                throw ApiErrorException.NotFound(Docs);
            }

            name = name[(colon + 1)..];
        }

        return await repository.Git.ResolveCommitAsync(name, ct) ?? throw ApiErrorException.NotFound(Docs);
    }

    private static IEnumerable<string> Page(IReadOnlyList<string> commits, HttpContext context)
    {
        var perPage = context.Query("per_page");
        var page = context.Query("page");
        if (perPage is null && page is null)
        {
            return commits.Take(UnpagedCommits);
        }

        var size = Math.Clamp(int.TryParse(perPage, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 30, 1, 100);
        var number = Math.Max(1, int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 1);
        return commits.Skip((number - 1) * size).Take(size);
    }
}
