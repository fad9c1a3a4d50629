namespace Pipeline.Rehearsal.GitHub.Rest.GitData;

/// <summary>Reference writes under the repository lock, with GitHub's validation and branch protection.</summary>
internal static class RefWrites
{
    private const string Docs = "https://docs.github.com/rest/git/refs";

    public static async Task<GitRef> CreateAsync(GitHubState state, RepositoryState repository, Principal principal,
        CreateRefRequest body, CancellationToken ct)
    {
        const string docs = Docs + "#create-a-reference";
        if (body.Ref is null || body.Sha is null)
        {
            throw ApiErrorException.Validation(docs,
                new ValidationErrorItem("Reference", "missing_field", body.Ref is null ? "ref" : "sha"));
        }

        if (!body.Ref.StartsWith("refs/", StringComparison.Ordinal) || body.Ref.Count(c => c == '/') < 2
            || !await IsValidNameAsync(repository, body.Ref, ct))
        {
            throw ApiErrorException.Unprocessable("Reference name is invalid", docs);
        }

        using (await repository.LockAsync(ct))
        {
            var target = await repository.Git.ReadObjectAsync(body.Sha, ct)
                ?? throw ApiErrorException.Unprocessable("Object does not exist", docs);
            if (await repository.Git.ReadRefAsync(body.Ref, ct) is not null)
            {
                throw ApiErrorException.Unprocessable("Reference already exists", docs);
            }

            if (Branch(body.Ref) is { } branch && Writes.Refusal(repository, branch, principal) is { } refusal)
            {
                throw ProtectedBranch(body.Ref, refusal, docs);
            }

            if (!await repository.Git.CompareAndSwapRefAsync(body.Ref, target.Sha, null, ct))
            {
                throw ApiErrorException.Unprocessable("Reference already exists", docs);
            }

            repository.PushedAt = state.Now;
            return new GitRef(body.Ref, target.Sha, target.Type);
        }
    }

    public static async Task<GitRef> UpdateAsync(GitHubState state, RepositoryState repository, Principal principal,
        string name, UpdateRefRequest body, CancellationToken ct)
    {
        const string docs = Docs + "#update-a-reference";
        if (body.Sha is null)
        {
            throw ApiErrorException.Validation(docs, new ValidationErrorItem("Reference", "missing_field", "sha"));
        }

        GitRef updated;
        using (await repository.LockAsync(ct))
        {
            var current = await repository.Git.ReadRefAsync(name, ct)
                ?? throw ApiErrorException.Unprocessable("Reference does not exist", docs);
            var target = await repository.Git.ReadObjectAsync(body.Sha, ct)
                ?? throw ApiErrorException.Unprocessable("Object does not exist", docs);
            var branch = Branch(name);
            if (branch is not null && Writes.Refusal(repository, branch, principal) is { } refusal)
            {
                throw ProtectedBranch(name, refusal, docs);
            }

            var fastForward = target.Type == "commit" && await repository.Git.IsAncestorAsync(current, target.Sha, ct);
            if (!fastForward && (body.Force != true || (branch is not null && Writes.RefusesForce(repository, branch))))
            {
                throw ApiErrorException.Unprocessable(body.Force == true
                    ? $"Cannot force-update protected branch {name}." : "Update is not a fast forward", docs);
            }

            if (!await repository.Git.CompareAndSwapRefAsync(name, target.Sha, current, ct))
            {
                // A push over smart HTTP moved the ref between the read and the swap.
                throw ApiErrorException.Unprocessable("Update is not a fast forward", docs);
            }

            repository.PushedAt = state.Now;
            updated = new GitRef(name, target.Sha, target.Type);
        }

        await state.RefsChangedAsync(repository, ct);
        return updated;
    }

    public static async Task DeleteAsync(GitHubState state, RepositoryState repository, Principal principal,
        string name, CancellationToken ct)
    {
        const string docs = Docs + "#delete-a-reference";
        using (await repository.LockAsync(ct))
        {
            var current = await repository.Git.ReadRefAsync(name, ct)
                ?? throw ApiErrorException.Unprocessable("Reference does not exist", docs);
            if (Branch(name) is { } branch && repository.ProtectionOf(branch) is not null)
            {
                throw ProtectedBranch(name, "Cannot delete this protected branch", docs);
            }

            if (!await repository.Git.DeleteRefAsync(name, current, ct))
            {
                throw ApiErrorException.Unprocessable("Reference cannot be deleted", docs);
            }
        }

        await state.RefsChangedAsync(repository, ct);
    }

    public static string? Branch(string fullName) =>
        fullName.StartsWith("refs/heads/", StringComparison.Ordinal) ? fullName["refs/heads/".Length..] : null;

    public static ApiErrorException ProtectedBranch(string fullName, string reason, string docs) =>
        ApiErrorException.Unprocessable($"Protected branch update failed for {fullName}.\n\n{reason}", docs);

    private static async Task<bool> IsValidNameAsync(RepositoryState repository, string name, CancellationToken ct) =>
        (await repository.Git.RunAsync(["check-ref-format", name], ct: ct)).ExitCode == 0;
}
