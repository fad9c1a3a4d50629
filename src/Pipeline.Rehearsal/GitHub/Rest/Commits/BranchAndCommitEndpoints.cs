using Pipeline.Rehearsal.GitHub.Rest.GitData;

namespace Pipeline.Rehearsal.GitHub.Rest.Commits;

/// <summary>Branches and a single commit.</summary>
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
    }

    private const string EmptyTree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
}
