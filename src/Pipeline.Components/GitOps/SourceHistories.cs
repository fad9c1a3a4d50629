using Pipeline.GitHub;
using Pipeline.Promotion;
using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>
/// How the guards read the source repository's history: the GitHub API on GitHub Actions (with the workflow's
/// token), else the local clone's remote-tracking refs after a fetch. Null when neither is possible; the guards are
/// then skipped and the promotion record says so.
/// </summary>
internal static class SourceHistories
{
    public static async Task<ISourceHistory?> ForAsync(IHazGitOps build, SourceRevision source, CancellationToken cancellationToken)
    {
        var env = build.EnvironmentVariables;
        if (env.TryGetValue("GITHUB_REPOSITORY", out var repository) && repository.Contains('/', StringComparison.Ordinal)
            && env.TryGetValue(GitHubToken.ActionsVariable, out var token) && token is { Length: > 0 })
        {
            var api = env.TryGetValue("GITHUB_API_URL", out var url) && url.Length > 0 ? new Uri(url) : null;
            var endpoint = api is null ? GitHubEndpoint.GitHubCom : GitHubEndpoint.FromApiUrl(api);
            var client = new GitHubClient(new GitHubClientOptions(endpoint, GitHubToken.Actions(new Secret(token))) { Logger = LogAdapter.Instance });
            return new GitHubSourceHistory(client, RepositoryId.Parse(repository));
        }

        async Task<ProcessResult> Git(params string[] arguments) =>
            await ProcessRunner.RunAsync(new ProcessRequest("git", arguments) { WorkingDirectory = build.RootDirectory, ThrowOnFailure = false }, cancellationToken).ConfigureAwait(false);

        if (source.Branch is null || (await Git("remote", "get-url", "origin").ConfigureAwait(false)).ExitCode != 0)
        {
            Log.Warning("The source repository has no 'origin' remote (or HEAD is detached): the moved-source and monotonic guards are skipped.");
            return null;
        }
        // Credentials are never taken from the machine: no credential helper, no ~/.netrc, no global or system git
        // configuration. A public origin, or one reached over ssh, fetches; a private https one keeps its last fetch.
        var home = Directory.CreateTempSubdirectory("pipeline-fetch-home-").FullName;
        ProcessResult fetch;
        try
        {
            fetch = await ProcessRunner.RunAsync(new ProcessRequest("git", ["-c", "credential.helper=", "fetch", "--quiet", "origin", source.Branch])
            {
                WorkingDirectory = build.RootDirectory,
                ThrowOnFailure = false,
                Environment = new Dictionary<string, string?> { ["HOME"] = home, ["GIT_CONFIG_NOSYSTEM"] = "1", ["GIT_TERMINAL_PROMPT"] = "0", ["GIT_ASKPASS"] = null, ["SSH_ASKPASS"] = null },
            }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
        if (fetch.ExitCode != 0)
            Log.Warning($"git fetch origin {source.Branch} failed ({fetch.StandardError.Trim()}); the guards compare with the last fetched origin/{source.Branch}.");
        return new LocalGitSourceHistory(build.RootDirectory);
    }
}
