using Pipeline.Benchmarks.Measuring;

namespace Pipeline.Benchmarks.GitHub;

/// <summary>
/// The application's clone as CI leaves it after <c>git fetch origin main</c>: one commit, which
/// <c>refs/remotes/origin/main</c> points at, so the moved-source guard passes as it does for a fresh build.
/// </summary>
internal static class SourceClone
{
    public static async Task<string> CreateAsync(string folder, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string?>
        {
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["HOME"] = folder,
            ["GIT_AUTHOR_NAME"] = "bench",
            ["GIT_AUTHOR_EMAIL"] = "bench@example.invalid",
            ["GIT_COMMITTER_NAME"] = "bench",
            ["GIT_COMMITTER_EMAIL"] = "bench@example.invalid",
        };
        async Task<string> Git(params string[] arguments) =>
            (await ProcessRuns.RunAsync("git", arguments, folder, environment, cancellationToken: cancellationToken).ConfigureAwait(false)).Output.Trim();

        await Git("init", "-q", "-b", "main").ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(folder, "app.txt"), "the application\n", cancellationToken).ConfigureAwait(false);
        await Git("add", "app.txt").ConfigureAwait(false);
        await Git("commit", "-q", "-m", "Speed up the search").ConfigureAwait(false);
        await Git("update-ref", "refs/remotes/origin/main", "HEAD").ConfigureAwait(false);
        return await Git("rev-parse", "HEAD").ConfigureAwait(false);
    }
}
