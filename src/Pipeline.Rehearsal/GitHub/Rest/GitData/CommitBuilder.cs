namespace Pipeline.Rehearsal.GitHub.Rest.GitData;

/// <summary>Creates a commit object from a <c>POST /git/commits</c> body.</summary>
internal static class CommitBuilder
{
    private const string Docs = "https://docs.github.com/rest/git/commits#create-a-commit";

    public static async Task<GitCommit> CreateAsync(GitHubState state, RepositoryState repository, Principal principal,
        CreateCommitRequest body, CancellationToken ct)
    {
        if (body.Message is null || body.Tree is null)
        {
            throw ApiErrorException.Validation(Docs,
                new ValidationErrorItem("Commit", "missing_field", body.Message is null ? "message" : "tree"));
        }

        var tree = await repository.Git.ReadObjectAsync(body.Tree, ct);
        if (tree is not { Type: "tree" })
        {
            throw ApiErrorException.Unprocessable("Tree SHA does not exist", Docs);
        }

        var parents = body.Parents ?? [];
        foreach (var parent in parents)
        {
            if (await repository.Git.ReadCommitAsync(parent, ct) is null)
            {
                throw ApiErrorException.Unprocessable("Parent SHA does not exist or is not a commit object", Docs);
            }
        }

        var now = state.Now;
        var given = Identity(body.Author, null, now);
        var author = given ?? Writes.AuthorFor(principal, now);
        var (byGitHub, signedByGitHub) = Writes.CommitterFor(principal, now);
        var committer = Identity(body.Committer, given, now) ?? byGitHub;
        var signed = signedByGitHub && body.Author is null && body.Committer is null && body.Signature is null;
        var sha = await repository.Git.CommitTreeAsync(tree.Sha, parents, body.Message, author, committer, ct,
            Writes.SignerFor(repository, signed, now));
        return (await repository.Git.ReadCommitAsync(sha, ct))!;
    }

    private static GitIdentity? Identity(GitUserRequest? request, GitIdentity? fallback, DateTimeOffset now)
    {
        if (request is null)
        {
            return fallback;
        }

        if (request.Name is null || request.Email is null)
        {
            throw ApiErrorException.Unprocessable("Invalid request.\n\n\"name\" and \"email\" are required.", Docs);
        }

        return new GitIdentity(request.Name, request.Email, request.Date ?? now);
    }
}
