namespace Pipeline.Rehearsal.GitHub.Rest.Pulls;

/// <summary>Creating and updating pull requests with GitHub's validation errors.</summary>
internal static class PullWrites
{
    private const string CreateDocs = PullEndpoints.Docs + "#create-a-pull-request";
    private const string UpdateDocs = PullEndpoints.Docs + "#update-a-pull-request";

    public static async Task<PullRequestState> CreateAsync(GitHubState state, RepositoryState repository,
        Principal principal, CreatePullRequest body, CancellationToken ct)
    {
        if (body.Head is null || body.Base is null || body.Title is null)
        {
            var field = body.Head is null ? "head" : body.Base is null ? "base" : "title";
            throw ApiErrorException.Validation(CreateDocs, new ValidationErrorItem("PullRequest", "missing_field", field));
        }

        var headBranch = body.Head.Contains(':') ? body.Head[(body.Head.IndexOf(':') + 1)..] : body.Head;
        var head = await repository.Git.ReadRefAsync("refs/heads/" + headBranch, ct);
        var @base = await repository.Git.ReadRefAsync("refs/heads/" + body.Base, ct);
        if (head is null || @base is null)
        {
            throw ApiErrorException.Validation(CreateDocs,
                new ValidationErrorItem("PullRequest", "invalid", head is null ? "head" : "base"));
        }

        if (await repository.Git.IsAncestorAsync(head, @base, ct))
        {
            throw ApiErrorException.Validation(CreateDocs, new ValidationErrorItem("PullRequest", "custom",
                Message: $"No commits between {body.Base} and {headBranch}"));
        }

        var now = state.Now;
        lock (repository.PullRequests)
        {
            if (repository.PullRequests.Any(p => p.State == "open" && p.HeadRef == headBranch && p.BaseRef == body.Base))
            {
                throw ApiErrorException.Validation(CreateDocs, new ValidationErrorItem("PullRequest", "custom",
                    Message: $"A pull request already exists for {repository.Owner.Login}:{headBranch}."));
            }

            var pull = new PullRequestState(state.NextId(), repository.NextIssueNumber++, principal.Actor!, now)
            {
                Title = body.Title,
                Body = body.Body,
                HeadRef = headBranch,
                BaseRef = body.Base,
                Draft = body.Draft ?? false,
            };
            repository.PullRequests.Add(pull);
            return pull;
        }
    }

    public static async Task UpdateAsync(GitHubState state, RepositoryState repository, PullRequestState pull,
        UpdatePullRequest body, CancellationToken ct)
    {
        if (body.State is not null and not ("open" or "closed"))
        {
            throw ApiErrorException.Validation(UpdateDocs, new ValidationErrorItem("PullRequest", "invalid", "state"));
        }

        if (body.Base is not null && await repository.Git.ReadRefAsync("refs/heads/" + body.Base, ct) is null)
        {
            throw ApiErrorException.Validation(UpdateDocs, new ValidationErrorItem("PullRequest", "invalid", "base"));
        }

        var head = await repository.Git.ReadRefAsync("refs/heads/" + pull.HeadRef, ct);
        using (await repository.LockAsync(ct))
        {
            if (pull.MergedAt is not null && (body.State is not null || body.Base is not null))
            {
                throw ApiErrorException.Validation(UpdateDocs, new ValidationErrorItem("PullRequest", "custom",
                    Message: "Cannot change the state or base of a merged pull request"));
            }

            pull.Title = body.Title ?? pull.Title;
            pull.Body = body.Body ?? pull.Body;
            pull.BaseRef = body.Base ?? pull.BaseRef;
            if (body.State == "closed" && pull.State == "open")
            {
                pull.State = "closed";
                pull.ClosedAt = state.Now;
                pull.HeadShaAtClose = head;
                pull.AutoMerge = null;
            }
            else if (body.State == "open" && pull.State == "closed")
            {
                if (head is null)
                {
                    throw ApiErrorException.Validation(UpdateDocs, new ValidationErrorItem("PullRequest", "custom",
                        Message: $"Cannot reopen: the head branch {pull.HeadRef} was deleted"));
                }

                pull.State = "open";
                pull.ClosedAt = null;
                pull.HeadShaAtClose = null;
            }

            pull.UpdatedAt = state.Now;
        }
    }
}
