using System.Diagnostics;
using Pipeline.Benchmarks.Measuring;
using Pipeline.Containers;
using Pipeline.GitHub;
using Pipeline.Promotion;
using Pipeline.Rehearsal.GitHub;

namespace Pipeline.Benchmarks.GitHub;

/// <summary>What one promotion cost: the requests the server logged, their list, and the wall time.</summary>
internal sealed record PromotionRun(int Requests, IReadOnlyList<string> RequestLines, TimeSpan Elapsed)
{
    /// <summary>The requests of the dry run before it, when there was one.</summary>
    public int? DryRunRequests { get; init; }
}

/// <summary>How the spec reaches a promotion.</summary>
internal enum SpecSource
{
    /// <summary>Read from the branch by the promotion.</summary>
    Branch,

    /// <summary>Passed, as <c>--promotion-spec</c> does.</summary>
    Given,

    /// <summary>Read from the branch by a dry run first, as <c>BumpGitOps</c> checks before the build; the promotion then finds it remembered.</summary>
    AfterDryRun,
}

/// <summary>
/// One promotion exactly as <c>BumpGitOps</c> runs it: <see cref="Promoter.PromoteAsync"/> with a personal token, the
/// spec read from the GitOps branch (or passed, as <c>--promotion-spec</c> does), the default branch, and the guards on (the source history is a local
/// clone whose <c>origin/main</c> is the built commit). Each run gets a fresh repository on the local GitHub server;
/// the requests are counted from the server's request log, and the result is checked in the bare repository.
/// </summary>
internal sealed class PromotionScenario(LocalGitHubServer server, Secret token, string sourceClone, string sourceCommit)
{
    private int _repositories;

    /// <param name="method">The writer.</param>
    /// <param name="environments">How many environments, each one commit.</param>
    /// <param name="filesPerEnvironment">How many files each environment changes.</param>
    /// <param name="specSource">Where the spec comes from.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public async Task<PromotionRun> RunAsync(WriteMethod method, int environments, int filesPerEnvironment, SpecSource specSource, CancellationToken cancellationToken)
    {
        var repository = new RepositoryId("bench", $"gitops-{Interlocked.Increment(ref _repositories):D5}");
        var layout = GitOpsSeed.Layout(environments, filesPerEnvironment);
        var seed = Directory.CreateTempSubdirectory("bench-gitops-");
        PromotionSpec? spec;
        try
        {
            GitOpsSeed.Write(seed.FullName, layout);
            spec = specSource == SpecSource.Given ? PromotionSpec.Load(Path.Combine(seed.FullName, PromotionSpec.DefaultFileName)) : null;
            await server.CreateRepositoryAsync(repository.Owner, repository.Name, "main", seed.FullName, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            seed.Delete(recursive: true);
        }

        var endpoint = GitHubEndpoint.FromApiUrl(server.ApiUrl);
        var target = method == WriteMethod.Git
            ? PromotionTarget.GitUrl(server.GitUrl(repository.Owner, repository.Name).ToString())
            : PromotionTarget.GitHub(repository, endpoint);
        var request = new PromotionRequest(target, ImageReference.Parse(GitOpsSeed.Reference))
        {
            Source = new PromotionSource("example-org/app", sourceCommit) { Branch = "main", Message = "Speed up the search" },
            SourceHistory = new LocalGitSourceHistory(sourceClone),
            WriteMethod = method,
            Credentials = GitHubToken.PersonalAccessToken(token),
            CiRunUrl = "https://ci.example/runs/1",
            Spec = spec,
        };

        int? dryRun = null;
        if (specSource == SpecSource.AfterDryRun)
        {
            var before = server.RequestLog.Count;
            await new Promoter().PromoteAsync(request with { DryRun = true }, cancellationToken).ConfigureAwait(false);
            dryRun = server.RequestLog.Count - before;
        }

        var logged = server.RequestLog.Count;
        var clock = Stopwatch.StartNew();
        var report = await new Promoter().PromoteAsync(request, cancellationToken).ConfigureAwait(false);
        clock.Stop();
        var requests = server.RequestLog.Skip(logged).ToList();

        var notCommitted = report.Results.Where(r => r.Status != PromotionStatus.Committed).ToList();
        if (report.Results.Count != environments || notCommitted.Count > 0)
        {
            throw new BenchmarkException($"{method.ToName()} promotion of {environments}x{filesPerEnvironment} files did not commit every environment: "
                + string.Join("; ", report.Results.Select(r => $"{r.Environment} {r.Status}")));
        }

        await CheckWrittenAsync(repository, layout.Sum(e => e.Count), environments, cancellationToken).ConfigureAwait(false);
        var lines = requests.Select(r => $"{r.Method} {r.Path.Replace($"/{repository.Owner}/{repository.Name}", "/{owner}/{repo}", StringComparison.Ordinal)} {r.Status}").ToList();
        return new PromotionRun(requests.Count, lines, clock.Elapsed) { DryRunRequests = dryRun };
    }

    /// <summary>Every file holds the new tag and digest, and each environment landed as one commit.</summary>
    private async Task CheckWrittenAsync(RepositoryId repository, int files, int environments, CancellationToken cancellationToken)
    {
        var bare = server.BareRepositoryPath(repository.Owner, repository.Name);
        var pinned = await ProcessRuns.RunAsync("git", ["--git-dir", bare, "grep", "-l", "-F", GitOpsSeed.Digest, "main", "--", "envs"], check: false, cancellationToken: cancellationToken).ConfigureAwait(false);
        var written = pinned.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        var commits = await ProcessRuns.RunAsync("git", ["--git-dir", bare, "rev-list", "--count", "main"], cancellationToken: cancellationToken).ConfigureAwait(false);
        if (written != files || int.Parse(commits.Output.Trim(), System.Globalization.CultureInfo.InvariantCulture) != environments + 1)
        {
            throw new BenchmarkException($"{repository}: {written} of {files} files pinned and {commits.Output.Trim()} commits (expected {environments} on top of the seed).");
        }
    }
}
