using Pipeline.GitHub;
using Pipeline.Promotion;
using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>
/// How the guards read the source repository's history: the GitHub API on GitHub Actions (with the workflow's
/// token; the compare endpoint needs no local history), then the checkout itself, which fetches the branch from
/// <c>origin</c> and deepens a shallow clone when a comparison needs it (without origin: its local branches). Null
/// when there is neither; the guards then refuse unless --allow-moved-source / --rollback turn them off.
/// </summary>
internal static class SourceHistories
{
    public static async Task<ISourceHistory?> ForAsync(IHazGitOps build, SourceRevision source, CancellationToken cancellationToken)
    {
        var histories = new List<ISourceHistory>();
        var env = build.EnvironmentVariables;
        if (env.TryGetValue("GITHUB_REPOSITORY", out var repository) && repository.Contains('/', StringComparison.Ordinal)
            && env.TryGetValue(GitHubToken.ActionsVariable, out var token) && token is { Length: > 0 })
        {
            var api = env.TryGetValue("GITHUB_API_URL", out var url) && url.Length > 0 ? new Uri(url) : null;
            var endpoint = api is null ? GitHubEndpoint.GitHubCom : GitHubEndpoint.FromApiUrl(api);
            var client = new GitHubClient(new GitHubClientOptions(endpoint, GitHubToken.Actions(new Secret(token))) { Logger = LogAdapter.Instance });
            histories.Add(new GitHubSourceHistory(client, RepositoryId.Parse(repository)));
        }

        async Task<bool> Git(params string[] arguments) =>
            (await ProcessRunner.RunAsync(new ProcessRequest("git", arguments) { WorkingDirectory = build.RootDirectory, ThrowOnFailure = false },
                cancellationToken).ConfigureAwait(false)).ExitCode == 0;

        if (await Git("rev-parse", "--git-dir").ConfigureAwait(false))
        {
            var origin = await Git("remote", "get-url", "origin").ConfigureAwait(false);
            histories.Add(new LocalGitSourceHistory(build.RootDirectory, origin ? "origin" : null) { Fetch = origin });
        }

        if (histories.Count == 0)
        {
            Log.Warning($"No source history for commit {source.ShortCommit}: {build.RootDirectory} is no git clone and GITHUB_TOKEN/GITHUB_REPOSITORY are not set. "
                + "The moved-source and monotonic guards refuse unless --allow-moved-source / --rollback turn them off.");
            return null;
        }

        return histories.Count == 1 ? histories[0] : new SourceHistoryChain(histories);
    }
}
