namespace Pipeline.Rehearsal.GitHub.Rest.GitData;

/// <summary>The Git Data API for objects: blobs, trees and commits, created and read.</summary>
internal static class GitObjectEndpoints
{
    private const string BlobDocs = "https://docs.github.com/rest/git/blobs";
    private const string TreeDocs = "https://docs.github.com/rest/git/trees";
    private const string CommitDocs = "https://docs.github.com/rest/git/commits";

    public static void Map(IEndpointRouteBuilder routes, GitHubState state)
    {
        routes.MapPost("/repos/{owner}/{repo}/git/blobs", async context =>
        {
            var repository = context.Repository(state, "contents", Access.Write, BlobDocs);
            var body = await context.ReadJsonAsync(GitHubJson.Default.CreateBlobRequest);
            if (body.Content is null)
            {
                throw ApiErrorException.Validation(BlobDocs, new ValidationErrorItem("Blob", "missing_field", "content"));
            }

            var bytes = body.Encoding?.ToLowerInvariant() switch
            {
                null or "utf-8" or "utf8" => Encoding.UTF8.GetBytes(body.Content),
                "base64" => GitPresenter.FromBase64(body.Content)
                    ?? throw ApiErrorException.Unprocessable("content is not valid Base64", BlobDocs),
                _ => throw ApiErrorException.Unprocessable(
                    $"encoding must be one of utf-8 or base64, was \"{body.Encoding}\"", BlobDocs),
            };
            var sha = await repository.Git.WriteBlobAsync(bytes, context.RequestAborted);
            var url = context.Links().Repo(repository.FullName) + "/git/blobs/" + sha;
            context.Response.Headers.Location = url;
            await context.WriteJsonAsync(201, new ShortBlobJson(url, sha), GitHubJson.Default.ShortBlobJson);
        });

        routes.MapGet("/repos/{owner}/{repo}/git/blobs/{sha}", async context =>
        {
            var repository = context.Repository(state, "contents", Access.Read, BlobDocs);
            var obj = await repository.Git.ReadObjectAsync(context.Route("sha"), context.RequestAborted);
            if (obj is not { Type: "blob" })
            {
                throw ApiErrorException.NotFound(BlobDocs + "#get-a-blob");
            }

            if (context.Format() == "raw")
            {
                context.Response.ContentType = context.MediaType() + "; charset=utf-8";
                await context.Response.Body.WriteAsync(obj.Content, context.RequestAborted);
                return;
            }

            await context.WriteJsonAsync(new BlobJson(obj.Sha, NodeIds.ForSha("B_kwDO", obj.Sha), obj.Content.LongLength,
                context.Links().Repo(repository.FullName) + "/git/blobs/" + obj.Sha,
                GitPresenter.Base64Lines(obj.Content), "base64"), GitHubJson.Default.BlobJson);
        }).WithMetadata(new MediaFormats("raw"));

        routes.MapPost("/repos/{owner}/{repo}/git/trees", async context =>
        {
            var repository = context.Repository(state, "contents", Access.Write, TreeDocs);
            var body = await context.ReadJsonAsync(GitHubJson.Default.CreateTreeRequest);
            var sha = await TreeBuilder.CreateAsync(repository, body, context.RequestAborted);
            var tree = await TreeAsync(repository, sha, false, context);
            context.Response.Headers.Location = tree.Url;
            await context.WriteJsonAsync(201, tree, GitHubJson.Default.GitTreeJson);
        });

        routes.MapGet("/repos/{owner}/{repo}/git/trees/{**sha}", async context =>
        {
            var repository = context.Repository(state, "contents", Access.Read, TreeDocs);
            var treeish = context.Route("sha");
            var resolved = await repository.Git.FindEntryAsync(treeish, "", context.RequestAborted);
            if (resolved is null || treeish.StartsWith('-'))
            {
                throw ApiErrorException.NotFound(TreeDocs + "#get-a-tree");
            }

            var recursive = context.Query("recursive") is { Length: > 0 } r && r != "0" && r != "false";
            await context.WriteJsonAsync(await TreeAsync(repository, resolved.Sha, recursive, context), GitHubJson.Default.GitTreeJson);
        });

        routes.MapPost("/repos/{owner}/{repo}/git/commits", async context =>
        {
            var repository = context.Repository(state, "contents", Access.Write, CommitDocs);
            var body = await context.ReadJsonAsync(GitHubJson.Default.CreateCommitRequest);
            var commit = await CommitBuilder.CreateAsync(state, repository, context.Principal(), body, context.RequestAborted);
            var json = GitPresenter.Commit(repository, commit, context.Links());
            context.Response.Headers.Location = json.Url;
            await context.WriteJsonAsync(201, json, GitHubJson.Default.GitCommitJson);
        });

        routes.MapGet("/repos/{owner}/{repo}/git/commits/{sha}", async context =>
        {
            var repository = context.Repository(state, "contents", Access.Read, CommitDocs);
            var commit = await repository.Git.ReadCommitAsync(context.Route("sha"), context.RequestAborted)
                ?? throw ApiErrorException.NotFound(CommitDocs + "#get-a-commit-object");
            context.SetLastModified(commit.Committer.When);
            await context.WriteJsonAsync(GitPresenter.Commit(repository, commit, context.Links()), GitHubJson.Default.GitCommitJson);
        });
    }

    private static async Task<GitTreeJson> TreeAsync(RepositoryState repository, string sha, bool recursive, HttpContext context)
    {
        var entries = await repository.Git.ListTreeAsync(sha, recursive, ct: context.RequestAborted);
        var links = context.Links();
        return new GitTreeJson(sha, links.Repo(repository.FullName) + "/git/trees/" + sha,
            entries.Select(e => GitPresenter.TreeItem(repository, e, links)).ToList(), false);
    }
}
