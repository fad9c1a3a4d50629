using Pipeline.Rehearsal.GitHub.GraphQL.Execution;

namespace Pipeline.Rehearsal.GitHub.GraphQL.Schema;

/// <summary>The <c>Repository</c> type: names, default branch, <c>object(expression:)</c>, <c>ref(qualifiedName:)</c>, pull requests.</summary>
internal static class RepositoryType
{
    public static GraphObject Create(GraphContext context, RepositoryState repository) =>
        new GraphObject("Repository", "Node", "RepositoryInfo")
            .Value("id", repository.NodeId)
            .Value("databaseId", repository.Id)
            .Value("name", repository.Name)
            .Value("nameWithOwner", repository.FullName)
            .Value("url", context.Links.RepoHtml(repository.FullName))
            .Value("isPrivate", true)
            .Value("visibility", "PRIVATE")
            .Value("autoMergeAllowed", true)
            .Value("mergeCommitAllowed", true)
            .Value("squashMergeAllowed", true)
            .Value("rebaseMergeAllowed", true)
            .Value("description", null)
            .Value("hasIssuesEnabled", true)
            .Value("hasWikiEnabled", false)
            .Value("isFork", false)
            .Value("isArchived", false)
            .Value("parent", null)
            .Value("viewerPermission", context.Principal.Token?.Kind == TokenKind.ClassicPersonal ? "ADMIN" : "WRITE")
            .Value("createdAt", Timestamps.Format(repository.CreatedAt))
            .Value("owner", ActorType.Create(context, repository.Owner))
            .Field("defaultBranchRef", async _ => (object?)await RefAsync(context, repository, "refs/heads/" + repository.DefaultBranch))
            .Field("object", async arguments => (object?)await GitTypes.ObjectAsync(context, repository,
                arguments.String("expression"), arguments.String("oid")))
            .Field("ref", async arguments => (object?)await RefAsync(context, repository, Qualify(arguments.RequiredString("qualifiedName"))))
            .Field("pullRequest", arguments =>
            {
                context.Require(repository, "pull_requests", Access.Read);
                var number = arguments.Int("number");
                lock (repository.PullRequests)
                {
                    var pull = repository.PullRequests.FirstOrDefault(p => p.Number == number)
                        ?? throw new GraphError("NOT_FOUND", $"Could not resolve to a PullRequest with the number of {number}.");
                    return Task.FromResult<object?>(PullRequestType.Create(context, repository, pull));
                }
            })
            .Field("pullRequests", arguments => PullRequestsAsync(context, repository, arguments,
                arguments.String("headRefName")));

    public static Task<object?> PullRequestsAsync(GraphContext context, RepositoryState repository,
        GraphArguments arguments, string? head)
    {
        context.Require(repository, "pull_requests", Access.Read);
        var states = (arguments["states"] as System.Text.Json.Nodes.JsonArray)?.Select(s => s!.GetValue<string>()).ToHashSet()
            ?? (arguments.String("states") is { } single ? [single] : null);
        var @base = arguments.String("baseRefName");
        List<PullRequestState> pulls;
        lock (repository.PullRequests)
        {
            pulls = repository.PullRequests
                .Where(p => head is null || p.HeadRef == head)
                .Where(p => @base is null || p.BaseRef == @base)
                .Where(p => states is null || states.Contains(PullRequestType.State(p)))
                .OrderBy(p => p.Number)
                .ToList();
        }

        if (arguments.Int("last") is { } last)
        {
            pulls = pulls.TakeLast(last).ToList();
        }
        else if (arguments.Int("first") is { } first)
        {
            pulls = pulls.Take(first).ToList();
        }

        return Task.FromResult<object?>(Connections.Of("PullRequestConnection",
            pulls.Select(p => PullRequestType.Create(context, repository, p)).ToList()));
    }

    /// <summary>GitHub accepts <c>main</c> as well as <c>refs/heads/main</c> for <c>qualifiedName</c>.</summary>
    public static string Qualify(string name) => name.StartsWith("refs/", StringComparison.Ordinal) ? name : "refs/heads/" + name;

    public static async Task<GraphObject?> RefAsync(GraphContext context, RepositoryState repository, string fullName)
    {
        context.Require(repository, "contents", Access.Read);
        var sha = await repository.Git.ReadRefAsync(fullName, context.Cancellation);
        return sha is null ? null : GitTypes.Ref(context, repository, fullName, sha);
    }
}

/// <summary>Users, organisations and bots.</summary>
internal static class ActorType
{
    public static GraphObject Create(GraphContext context, AccountState account) =>
        new GraphObject(account.Type, "Actor", "Node", "RepositoryOwner")
            .Value("id", account.NodeId)
            .Value("name", account.Login)
            .Value("databaseId", account.Id)
            .Value("login", account.Login)
            .Value("url", context.Links.UserHtml(account.Login));
}
