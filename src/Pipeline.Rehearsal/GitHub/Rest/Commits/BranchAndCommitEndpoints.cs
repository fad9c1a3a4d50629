using Pipeline.Rehearsal.GitHub.Rest.GitData;

namespace Pipeline.Rehearsal.GitHub.Rest.Commits;

/// <summary>Branches, a single commit, and the comparison of two commits.</summary>
internal static class BranchAndCommitEndpoints
{
    private const string BranchDocs = "https://docs.github.com/rest/branches/branches";
    private const string CommitDocs = "https://docs.github.com/rest/commits/commits";

    public static void Map(IEndpointRouteBuilder routes, GitHubState state)
    {
        routes.MapGet("/repos/{owner}/{repo}/branches", async context =>
        {
            var repository = context.Repository(state, "contents", Access.Read, BranchDocs);
            var links = context.Links();
            var heads = await repository.Git.ListRefsAsync("refs/heads/", context.RequestAborted);
            var branches = heads.Select(h => h.Name["refs/heads/".Length..])
                .Select(name => new ShortBranchJson(name,
                    new ShaUrlJson(heads.First(h => h.Name == "refs/heads/" + name).Sha,
                        links.Repo(repository.FullName) + "/commits/" + heads.First(h => h.Name == "refs/heads/" + name).Sha),
                    repository.ProtectionOf(name) is not null))
                .ToList();
            await context.WriteJsonAsync(branches, GitHubJson.Default.IReadOnlyListShortBranchJson);
        });

        routes.MapGet("/repos/{owner}/{repo}/branches/{**branch}", async context =>
        {
            var repository = context.Repository(state, "contents", Access.Read, BranchDocs);
            var name = context.Route("branch");
            var sha = await repository.Git.ReadRefAsync("refs/heads/" + name, context.RequestAborted)
                ?? throw new ApiErrorException(404, "Branch not found", BranchDocs + "#get-a-branch");
            var commit = (await repository.Git.ReadCommitAsync(sha, context.RequestAborted))!;
            var links = context.Links();
            var self = links.Repo(repository.FullName) + "/branches/" + name;
            var protection = repository.ProtectionOf(name);
            await context.WriteJsonAsync(new BranchJson(
                name,
                CommitPresenter.Commit(state, repository, commit, links),
                new BranchLinksJson(links.RepoHtml(repository.FullName) + "/tree/" + name, self),
                protection is not null,
                new BranchProtectionJson(protection is not null, protection is { RequiredChecks.Count: > 0 }
                    ? new RequiredChecksJson("non_admins", protection.RequiredChecks,
                        protection.RequiredChecks.Select(c => new RequiredCheckJson(c, null)).ToList())
                    : null),
                self + "/protection"), GitHubJson.Default.BranchJson);
        });

        routes.MapGet("/repos/{owner}/{repo}/commits/{**ref}", async context =>
        {
            var repository = context.Repository(state, "contents", Access.Read, CommitDocs);
            var sha = await repository.Git.ResolveCommitAsync(context.Route("ref"), context.RequestAborted)
                ?? throw ApiErrorException.Unprocessable($"No commit found for SHA: {context.Route("ref")}", CommitDocs + "#get-a-commit");
            var commit = (await repository.Git.ReadCommitAsync(sha, context.RequestAborted))!;
            var links = context.Links();
            var files = await CommitPresenter.FilesAsync(repository,
                commit.Parents.Count > 0 ? commit.Parents[0] : EmptyTree, sha, links, context.RequestAborted);
            await context.WriteJsonAsync(CommitPresenter.Commit(state, repository, commit, links, files), GitHubJson.Default.CommitJson);
        });

        routes.MapGet("/repos/{owner}/{repo}/compare/{**basehead}", async context =>
        {
            var repository = context.Repository(state, "contents", Access.Read, CommitDocs);
            await context.WriteJsonAsync(await CompareAsync(state, repository, context.Route("basehead"), context),
                GitHubJson.Default.ComparisonJson);
        });
    }

    private const string EmptyTree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";

    private static async Task<ComparisonJson> CompareAsync(GitHubState state, RepositoryState repository, string basehead,
        HttpContext context)
    {
        const string docs = "https://docs.github.com/rest/commits/commits#compare-two-commits";
        var ct = context.RequestAborted;
        var parts = basehead.Split("...", 2);
        if (parts.Length != 2)
        {
            throw ApiErrorException.NotFound(docs);
        }

        var @base = await repository.Git.ResolveCommitAsync(parts[0], ct);
        var head = await repository.Git.ResolveCommitAsync(parts[1], ct);
        if (@base is null || head is null)
        {
            throw ApiErrorException.NotFound(docs);
        }

        var mergeBase = await repository.Git.MergeBaseAsync(@base, head, ct)
            ?? throw ApiErrorException.NotFound(docs);
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
        foreach (var sha in await repository.Git.CommitsBetweenAsync(mergeBase, head, ct))
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
            status, ahead, behind, commits.Count, commits,
            await CommitPresenter.FilesAsync(repository, mergeBase, head, links, ct));
    }
}
