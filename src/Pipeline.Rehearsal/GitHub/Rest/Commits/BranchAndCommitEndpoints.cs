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

        routes.MapGet("/repos/{owner}/{repo}/branches/{branch}/protection", context =>
            BranchProtectionEndpoint.GetAsync(context, state, context.Route("branch")));

        routes.MapGet("/repos/{owner}/{repo}/branches/{**branch}", async context =>
        {
            var name = context.Route("branch");
            if (name.EndsWith("/protection", StringComparison.Ordinal))
            {
                await BranchProtectionEndpoint.GetAsync(context, state, name[..^"/protection".Length]);
                return;
            }

            var repository = context.Repository(state, "contents", Access.Read, BranchDocs);
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

        routes.MapGet("/repos/{owner}/{repo}/commits/{**ref}", context =>
        {
            // A ref with slashes reaches this catch-all for its sub-resources too.
            var reference = context.Route("ref");
            return reference switch
            {
                _ when reference.EndsWith("/status", StringComparison.Ordinal) =>
                    Checks.StatusEndpoints.CombinedAsync(context, state, reference[..^"/status".Length]),
                _ when reference.EndsWith("/statuses", StringComparison.Ordinal) =>
                    Checks.StatusEndpoints.ListAsync(context, state, reference[..^"/statuses".Length]),
                _ when reference.EndsWith("/check-runs", StringComparison.Ordinal) =>
                    Checks.CheckRunEndpoints.ListAsync(context, state, reference[..^"/check-runs".Length]),
                _ => CommitAsync(context, state, reference),
            };
        }).WithMetadata(new MediaFormats("diff", "patch", "sha"));

        routes.MapGet("/repos/{owner}/{repo}/compare/{**basehead}", async context =>
        {
            var repository = context.Repository(state, "contents", Access.Read, CommitDocs);
            if (context.Format() is "diff" or "patch")
            {
                var (@base, head) = await BaseHeadAsync(repository, context.Route("basehead"), context.RequestAborted);
                var mergeBase = await repository.Git.MergeBaseAsync(@base, head, context.RequestAborted) ?? @base;
                await CommitText.WriteAsync(context, await CommitText.DiffAsync(repository, mergeBase, head,
                    context.Format() == "patch", context.RequestAborted));
                return;
            }

            await context.WriteJsonAsync(await CompareAsync(state, repository, context.Route("basehead"), context),
                GitHubJson.Default.ComparisonJson);
        }).WithMetadata(new MediaFormats("diff", "patch"));
    }

    private static async Task CommitAsync(HttpContext context, GitHubState state, string reference)
    {
        var repository = context.Repository(state, "contents", Access.Read, CommitDocs);
        var sha = await repository.Git.ResolveCommitAsync(reference, context.RequestAborted)
            ?? throw ApiErrorException.Unprocessable($"No commit found for SHA: {reference}", CommitDocs + "#get-a-commit");
        var commit = (await repository.Git.ReadCommitAsync(sha, context.RequestAborted))!;
        var parent = commit.Parents.Count > 0 ? commit.Parents[0] : EmptyTree;
        context.SetLastModified(commit.Committer.When);
        switch (context.Format())
        {
            case "sha":
                await CommitText.WriteAsync(context, sha);
                return;
            case "diff" or "patch":
                await CommitText.WriteAsync(context, await CommitText.DiffAsync(repository, parent, sha, context.Format() == "patch", context.RequestAborted));
                return;
        }

        var links = context.Links();
        var files = await CommitPresenter.FilesAsync(repository, parent, sha, links, context.RequestAborted);
        await context.WriteJsonAsync(CommitPresenter.Commit(state, repository, commit, links, files) with
        {
            Stats = new CommitStatsJson(files.Sum(f => f.Additions), files.Sum(f => f.Deletions), files.Sum(f => f.Changes)),
        }, GitHubJson.Default.CommitJson);
    }

    private static async Task<(string Base, string Head)> BaseHeadAsync(RepositoryState repository, string basehead, CancellationToken ct)
    {
        const string docs = "https://docs.github.com/rest/commits/commits#compare-two-commits";
        var parts = basehead.Split("...", 2);
        var @base = parts.Length == 2 ? await repository.Git.ResolveCommitAsync(parts[0], ct) : null;
        var head = parts.Length == 2 ? await repository.Git.ResolveCommitAsync(parts[1], ct) : null;
        return @base is null || head is null ? throw ApiErrorException.NotFound(docs) : (@base, head);
    }

    public const string EmptyTree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";

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
