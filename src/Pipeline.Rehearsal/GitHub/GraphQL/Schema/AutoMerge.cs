using Pipeline.Rehearsal.GitHub.GraphQL.Execution;
using Pipeline.Rehearsal.GitHub.Rest.Pulls;

namespace Pipeline.Rehearsal.GitHub.GraphQL.Schema;

/// <summary>
/// Auto-merge and merge mutations. As on GitHub, auto-merge can only be enabled on a pull request that cannot merge
/// yet ("Pull request is in clean status" otherwise); it merges once the base branch's required checks pass.
/// </summary>
internal static class AutoMerge
{
    public static async Task<object?> EnableAsync(GraphContext context, GraphArguments input)
    {
        var (repository, pull) = MutationType.PullRequest(context, input);
        var method = (input.String("mergeMethod") ?? "MERGE").ToLowerInvariant();
        if (method is not ("merge" or "squash" or "rebase"))
        {
            throw new GraphError("UNPROCESSABLE", $"Unknown merge method {method.ToUpperInvariant()}");
        }

        using (await repository.LockAsync(context.Cancellation))
        {
            if (pull.State != "open")
            {
                throw new GraphError("UNPROCESSABLE", "Pull request is closed");
            }

            await ExpectHeadAsync(context, repository, pull, input);
            var status = await PullStatus.ComputeAsync(repository, pull, context.Cancellation);
            if (status.CanMerge)
            {
                throw new GraphError("UNPROCESSABLE", "Pull request Pull request is in clean status");
            }

            pull.AutoMerge = new AutoMergeState(context.Principal.Actor!, method, input.String("commitHeadline"),
                input.String("commitBody"), context.State.Now);
            pull.UpdatedAt = context.State.Now;
        }

        await context.State.RefsChangedAsync(repository, context.Cancellation);
        return MutationType.Payload("EnablePullRequestAutoMergePayload", input)
            .Value("pullRequest", PullRequestType.Create(context, repository, pull))
            .Value("actor", ActorType.Create(context, context.Principal.Actor!));
    }

    public static async Task<object?> DisableAsync(GraphContext context, GraphArguments input)
    {
        var (repository, pull) = MutationType.PullRequest(context, input);
        using (await repository.LockAsync(context.Cancellation))
        {
            pull.AutoMerge = null;
        }

        return MutationType.Payload("DisablePullRequestAutoMergePayload", input).Value("pullRequest", PullRequestType.Create(context, repository, pull));
    }

    public static async Task<object?> MergeAsync(GraphContext context, GraphArguments input)
    {
        var (repository, pull) = MutationType.PullRequest(context, input);
        try
        {
            await PullMerger.MergeAsync(context.State, repository, pull, context.Principal.Actor!,
                (input.String("mergeMethod") ?? "MERGE").ToLowerInvariant(), input.String("expectedHeadOid"),
                input.String("commitHeadline"), input.String("commitBody"), context.Cancellation);
        }
        catch (ApiErrorException error)
        {
            throw new GraphError("UNPROCESSABLE", error.Message);
        }

        await context.State.RefsChangedAsync(repository, context.Cancellation);
        return MutationType.Payload("MergePullRequestPayload", input).Value("pullRequest", PullRequestType.Create(context, repository, pull));
    }

    private static async Task ExpectHeadAsync(GraphContext context, RepositoryState repository, PullRequestState pull,
        GraphArguments input)
    {
        if (input.String("expectedHeadOid") is { } expected
            && await repository.Git.ReadRefAsync("refs/heads/" + pull.HeadRef, context.Cancellation) != expected)
        {
            throw new GraphError("UNPROCESSABLE", "Head branch was modified. Review and try the merge again.");
        }
    }
}
