using System.Diagnostics;
using System.Text.RegularExpressions;
using Pipeline.Rehearsal.Soak;

namespace Pipeline.LocalRehearsal.Soak;

/// <summary>
/// The soak as a command line runs it: N processes of <c>./build.sh BumpGitOps --write-method Git</c>, one app each,
/// started at once in one checkout and pushing to one <c>file://</c> bare repository. It proves two things at once: git's
/// own push races are retried until every promotion lands, and builds that share a checkout (its <c>.nuke/temp</c> and
/// <c>artifacts/</c>) do not trip over each other.
/// </summary>
public static partial class CliSoak
{
    private static readonly Dictionary<string, string?> Isolated = new()
    {
        ["GIT_CONFIG_NOSYSTEM"] = "1",
        ["GIT_CONFIG_GLOBAL"] = "/dev/null",
        ["GIT_AUTHOR_NAME"] = "Soak",
        ["GIT_AUTHOR_EMAIL"] = "soak@pipeline.invalid",
        ["GIT_COMMITTER_NAME"] = "Soak",
        ["GIT_COMMITTER_EMAIL"] = "soak@pipeline.invalid",
    };

    /// <summary>Runs <paramref name="processes"/> builds of <paramref name="buildScript"/> at once and judges the repository they wrote.</summary>
    /// <param name="buildScript">The repository's <c>build.sh</c>; builds run in its folder.</param>
    /// <param name="processes">How many builds, one app each.</param>
    /// <param name="log">Progress lines.</param>
    /// <param name="cancellationToken">Stops waiting (the builds are left to finish).</param>
    public static async Task<SoakRun> RunAsync(string buildScript, int processes, Action<string> log, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(processes, 1);
        ArgumentNullException.ThrowIfNull(log);
        var root = Path.GetDirectoryName(Path.GetFullPath(buildScript))!;

        // The images name a registry that refuses at once, so that looking up their source commit fails fast.
        var layout = new SoakRepository("127.0.0.1:9", processes);
        var folder = Directory.CreateTempSubdirectory("soak-cli-");
        try
        {
            var bare = await SeedAsync(folder.FullName, layout, cancellationToken).ConfigureAwait(false);
            log($"git (command line): {processes} x ./build.sh BumpGitOps --write-method Git into {bare}");
            var clock = Stopwatch.StartNew();
            var promotions = await Task.WhenAll(Enumerable.Range(0, processes).Select(app => BuildAsync(buildScript, root, bare, layout, app, cancellationToken))).ConfigureAwait(false);
            clock.Stop();
            var run = new SoakRun("git (cli)", processes, 1, promotions, clock.Elapsed);
            run = await SoakHistory.CheckAsync(run, bare, layout, cancellationToken).ConfigureAwait(false);
            log(run.Row());
            return run;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<SoakPromotion> BuildAsync(string buildScript, string root, string bare, SoakRepository layout, int app, CancellationToken cancellationToken)
    {
        var image = layout.Image(app, 1);
        var clock = Stopwatch.StartNew();
        var environment = new Dictionary<string, string?>
        {
            ["GITHUB_ACTIONS"] = null, ["CI"] = null, ["GITHUB_OUTPUT"] = null, ["GITHUB_STEP_SUMMARY"] = null,
            ["PROMOTION_SPEC"] = null, ["GITOPS_TOKEN"] = null, ["GITHUB_TOKEN"] = null,
        };
        var result = await ProcessRunner.RunAsync(new ProcessRequest(buildScript,
            ["BumpGitOps", "--skip", "--image-reference", image.ToString(), "--gitops-repository", new Uri(bare).AbsoluteUri,
             "--gitops-branch", "main", "--gitops-app", SoakRepository.App(app), "--write-method", "Git",

             // The soak's digests are made up: no registry holds them.
             "--no-verify-image"])
        {
            WorkingDirectory = root,
            Environment = environment,
            ThrowOnFailure = false,
        }, cancellationToken).ConfigureAwait(false);
        var output = result.StandardOutput + "\n" + result.StandardError;
        var committed = Committed().Match(output);
        var retries = Retried().Matches(output).Count;
        return new SoakPromotion(app, 1, image.ToString(), result.ExitCode == 0 ? (committed.Success ? "Committed" : "AlreadyPromoted") : null,
            committed.Success ? committed.Groups[1].Value : null, retries + 1,
            result.ExitCode == 0 ? null : $"exit code {result.ExitCode}: {LastError(output)}", clock.Elapsed);
    }

    private static async Task<string> SeedAsync(string folder, SoakRepository layout, CancellationToken cancellationToken)
    {
        var bare = Path.Combine(folder, "gitops.git");
        var work = Directory.CreateDirectory(Path.Combine(folder, "seed")).FullName;
        layout.WriteTo(work);
        await GitAsync(folder, cancellationToken, "init", "-q", "--bare", "-b", "main", bare).ConfigureAwait(false);
        await GitAsync(work, cancellationToken, "init", "-q", "-b", "main").ConfigureAwait(false);
        await GitAsync(work, cancellationToken, "add", "-A").ConfigureAwait(false);
        await GitAsync(work, cancellationToken, "commit", "-q", "-m", "Soak repository").ConfigureAwait(false);
        await GitAsync(work, cancellationToken, "push", "-q", bare, "main").ConfigureAwait(false);
        return bare;
    }

    private static Task<ProcessResult> GitAsync(string directory, CancellationToken cancellationToken, params string[] arguments) =>
        ProcessRunner.RunAsync(new ProcessRequest("git", arguments) { WorkingDirectory = directory, Environment = Isolated }, cancellationToken);

    private static string LastError(string output) =>
        output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase) || l.Contains("exception", StringComparison.OrdinalIgnoreCase))
        ?? output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0) ?? "no output";

    [GeneratedRegex(@"committed ([0-9a-f]{40}) to main")]
    private static partial Regex Committed();

    [GeneratedRegex(@": attempt \d+ of \S+ failed")]
    private static partial Regex Retried();
}
