using Pipeline.Rehearsal.GitHub.Rest.GitData;

namespace Pipeline.Rehearsal.GitHub.Rest.Contents;

/// <summary>
/// <c>PUT</c> and <c>DELETE</c> of one file. The blob <c>sha</c> guards the write: a missing sha for an existing file
/// is 422, a stale one is 409 "{path} does not match {sha}", as on GitHub.
/// </summary>
internal static class ContentsWrites
{
    private const string PutDocs = ContentsEndpoints.Docs + "#create-or-update-file-contents";
    private const string DeleteDocs = ContentsEndpoints.Docs + "#delete-a-file";

    public static async Task PutAsync(HttpContext context, GitHubState state)
    {
        var repository = context.Repository(state, "contents", Access.Write, PutDocs);
        var body = await context.ReadJsonAsync(GitHubJson.Default.FileWriteRequest);
        var path = context.Route("path").Trim('/');
        if (body.Message is null || body.Content is null)
        {
            throw ApiErrorException.Validation(PutDocs,
                new ValidationErrorItem("File", "missing_field", body.Message is null ? "message" : "content"));
        }

        var bytes = GitPresenter.FromBase64(body.Content)
            ?? throw ApiErrorException.Unprocessable("content is not valid Base64", PutDocs);
        var ct = context.RequestAborted;
        var (commitSha, created, blobSha) = await WriteAsync(state, repository, context, body, path, PutDocs, async current =>
        {
            if (current is not null && body.Sha is null)
            {
                throw ApiErrorException.Unprocessable("Invalid request.\n\n\"sha\" wasn't supplied.", PutDocs);
            }

            var blob = await repository.Git.WriteBlobAsync(bytes, ct);
            var mode = current?.Mode is "100755" ? "100755" : "100644";
            return new GitTreeChange(path, mode, "blob", blob);
        });

        var links = context.Links();
        var commit = (await repository.Git.ReadCommitAsync(commitSha, ct))!;
        var entry = new GitTreeEntry("100644", "blob", blobSha!, bytes.LongLength, path);
        var json = new FileCommitJson(ContentsPresenter.Item(repository, entry, path, BranchOf(repository, body), links, state.Now),
            GitPresenter.Commit(repository, commit, links));
        await context.WriteJsonAsync(created ? 201 : 200, json, GitHubJson.Default.FileCommitJson);
    }

    public static async Task DeleteAsync(HttpContext context, GitHubState state)
    {
        var repository = context.Repository(state, "contents", Access.Write, DeleteDocs);
        var body = await context.ReadJsonAsync(GitHubJson.Default.FileWriteRequest);
        var path = context.Route("path").Trim('/');
        if (body.Message is null || body.Sha is null)
        {
            throw ApiErrorException.Validation(DeleteDocs,
                new ValidationErrorItem("File", "missing_field", body.Message is null ? "message" : "sha"));
        }

        var (commitSha, _, _) = await WriteAsync(state, repository, context, body, path, DeleteDocs, current =>
            current is null
                ? throw ApiErrorException.NotFound(DeleteDocs)
                : Task.FromResult(new GitTreeChange(path, current.Mode, "blob", null)));
        var commit = (await repository.Git.ReadCommitAsync(commitSha, context.RequestAborted))!;
        await context.WriteJsonAsync(new FileCommitJson(null, GitPresenter.Commit(repository, commit, context.Links())),
            GitHubJson.Default.FileCommitJson);
    }

    private static string BranchOf(RepositoryState repository, FileWriteRequest body) => body.Branch ?? repository.DefaultBranch;

    private static async Task<(string Commit, bool Created, string? Blob)> WriteAsync(GitHubState state,
        RepositoryState repository, HttpContext context, FileWriteRequest body, string path, string docs,
        Func<GitTreeEntry?, Task<GitTreeChange>> change)
    {
        var ct = context.RequestAborted;
        var branch = BranchOf(repository, body);
        var principal = context.Principal();
        string commitSha;
        bool created;
        GitTreeChange applied;
        using (await repository.LockAsync(ct))
        {
            var head = await repository.Git.ReadRefAsync("refs/heads/" + branch, ct);
            if (head is null && (branch != repository.DefaultBranch
                || (await repository.Git.ListRefsAsync("refs/heads/", ct)).Count > 0))
            {
                throw new ApiErrorException(404, $"Branch {branch} not found", docs);
            }

            var current = head is null ? null : await repository.Git.FindEntryAsync(head, path, ct);
            if (current is { Type: not "blob" })
            {
                throw ApiErrorException.Unprocessable($"{path} is a directory; name a file", docs);
            }

            if (current is not null && body.Sha is not null && body.Sha != current.Sha)
            {
                throw ApiErrorException.Conflict($"{path} does not match {body.Sha}", docs);
            }

            applied = await change(current);
            if (Writes.Refusal(repository, branch, principal) is { } refusal)
            {
                throw ApiErrorException.Conflict(refusal, docs);
            }

            var description = BranchCommits.Describe(state, principal, branch, body.Message!,
                Identity(body.Author, state), Identity(body.Committer, state));
            commitSha = await BranchCommits.CommitAsync(state, repository, description, head, [applied], ct)
                ?? throw ApiErrorException.Conflict($"{branch} is at a different commit than expected; read it again", docs);
            created = current is null;
        }

        await state.RefsChangedAsync(repository, ct);
        return (commitSha, created, applied.Sha);
    }

    private static GitIdentity? Identity(GitUserRequest? user, GitHubState state) =>
        user is { Name: not null, Email: not null } ? new GitIdentity(user.Name, user.Email, user.Date ?? state.Now) : null;
}
