using Pipeline.Rehearsal.GitHub.GraphQL.Execution;

namespace Pipeline.Rehearsal.GitHub.GraphQL.Schema;

/// <summary>A commit's <c>statusCheckRollup</c>: its newest status per context and its check runs, and their combined state.</summary>
internal static class StatusRollup
{
    public static GraphObject? Create(GraphContext context, RepositoryState repository, string sha)
    {
        var statuses = context.State.StatusesOf(repository, sha).GroupBy(s => s.Context).Select(g => g.Last()).ToList();
        List<CheckRunState> runs;
        lock (repository.CheckRuns)
        {
            runs = repository.CheckRuns.TryGetValue(sha, out var list) ? [.. list] : [];
        }

        if (statuses.Count == 0 && runs.Count == 0)
        {
            return null;
        }

        var contexts = statuses.Select(s => new GraphObject("StatusContext", "Node", "RequirableByPullRequest")
                .Value("context", s.Context)
                .Value("state", s.State.ToUpperInvariant())
                .Value("targetUrl", s.TargetUrl)
                .Value("description", s.Description)
                .Value("createdAt", Timestamps.Format(s.CreatedAt)))
            .Concat(runs.Select(r => new GraphObject("CheckRun", "Node", "RequirableByPullRequest")
                .Value("name", r.Name)
                .Value("status", r.Status.ToUpperInvariant())
                .Value("conclusion", r.Conclusion?.ToUpperInvariant())
                .Value("startedAt", Timestamps.Format(r.StartedAt))
                .Value("completedAt", Timestamps.Format(r.CompletedAt))
                .Value("detailsUrl", r.DetailsUrl)
                .Value("checkSuite", new GraphObject("CheckSuite", "Node").Value("workflowRun", null))))
            .ToList();
        var conclusions = statuses.Select(s => s.State).Concat(runs.Select(r => r.AsCheck switch
        {
            CheckConclusion.Success => "success",
            CheckConclusion.Pending => "pending",
            _ => "failure",
        })).ToList();
        var state = conclusions.Any(c => c is "failure" or "error") ? "FAILURE" : conclusions.Any(c => c == "pending") ? "PENDING" : "SUCCESS";
        return new GraphObject("StatusCheckRollup", "Node")
            .Value("state", state)
            .Value("contexts", Connections.Of("StatusCheckRollupContextConnection", contexts));
    }
}
