using Pipeline.Rehearsal.GitHub.GraphQL.Execution;
using Pipeline.Rehearsal.GitHub.Rest.Pulls;

namespace Pipeline.Rehearsal.GitHub.GraphQL.Schema;

/// <summary>The <c>PullRequest</c> type.</summary>
internal static class PullRequestType
{
    public static string State(PullRequestState pull) =>
        pull.MergedAt is not null ? "MERGED" : pull.State == "open" ? "OPEN" : "CLOSED";

    public static GraphObject Create(GraphContext context, RepositoryState repository, PullRequestState pull) =>
        new GraphObject("PullRequest", "Node", "Closable", "Labelable")
            .Value("id", pull.NodeId)
            .Value("databaseId", pull.Id)
            .Value("number", pull.Number)
            .Field("title", () => pull.Title)
            .Field("body", () => pull.Body ?? "")
            .Value("url", context.Links.RepoHtml(repository.FullName) + "/pull/" + pull.Number)
            .Field("state", () => State(pull))
            .Field("merged", () => pull.MergedAt is not null)
            .Field("closed", () => pull.State == "closed")
            .Field("isDraft", () => pull.Draft)
            .Field("mergedAt", () => Timestamps.Format(pull.MergedAt))
            .Field("headRefName", () => pull.HeadRef)
            .Field("baseRefName", () => pull.BaseRef)
            .Field("headRefOid", async _ => (object?)(pull.HeadShaAtClose
                ?? await repository.Git.ReadRefAsync("refs/heads/" + pull.HeadRef, context.Cancellation)))
            .Field("baseRefOid", async _ => (object?)await repository.Git.ReadRefAsync("refs/heads/" + pull.BaseRef, context.Cancellation))
            .Field("headRef", async _ => (object?)await RepositoryType.RefAsync(context, repository, "refs/heads/" + pull.HeadRef))
            .Field("baseRef", async _ => (object?)await RepositoryType.RefAsync(context, repository, "refs/heads/" + pull.BaseRef))
            .Field("mergeable", async _ => (object?)((await PullStatus.ComputeAsync(repository, pull, context.Cancellation)).Mergeable switch
            {
                true => "MERGEABLE",
                false => "CONFLICTING",
                null => "UNKNOWN",
            }))
            .Field("mergeStateStatus", async _ => (object?)(await PullStatus.ComputeAsync(repository, pull, context.Cancellation)).State.ToUpperInvariant())
            .Field("mergeCommit", async _ => pull.MergeCommitSha is null ? null
                : (object?)GitTypes.Commit(context, repository, (await repository.Git.ReadCommitAsync(pull.MergeCommitSha, context.Cancellation))!))
            .Field("autoMergeRequest", () => pull.AutoMerge is { } auto
                ? new GraphObject("AutoMergeRequest")
                    .Value("enabledAt", Timestamps.Format(auto.EnabledAt))
                    .Value("mergeMethod", auto.MergeMethod.ToUpperInvariant())
                    .Value("commitHeadline", auto.CommitTitle)
                    .Value("commitBody", auto.CommitMessage)
                    .Value("enabledBy", ActorType.Create(context, auto.EnabledBy))
                : null)
            .Field("labels", () =>
            {
                lock (repository.Labels)
                {
                    return Connections.Of("LabelConnection", pull.Labels.Select(name => new GraphObject("Label", "Node")
                        .Value("name", name)
                        .Value("id", NodeIds.For("LA_kwDO", repository.Labels[name].Id))
                        .Value("color", repository.Labels[name].Color)).ToList());
                }
            })
            .Value("author", ActorType.Create(context, pull.User))
            .Field("repository", () => RepositoryType.Create(context, repository))
            .Details(context, repository, pull);
}
