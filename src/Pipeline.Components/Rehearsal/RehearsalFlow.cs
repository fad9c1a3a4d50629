using System.Diagnostics;
using System.Globalization;
using Pipeline.Containers;
using Pipeline.Promotion;
using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>What Rehearse does: infrastructure, the Promote invocation against it, the receiver's side, the proof, the record.</summary>
internal static class RehearsalFlow
{
    /// <summary>Parameters the rehearsal sets itself for the inner builds; every other parameter given on the command line passes through.</summary>
    private static readonly string[] Overridden =
    [
        nameof(IHazImage.Image), nameof(IHazGitOps.GitOpsRepository), nameof(IHazGitHubAccess.GitHubApiUrl), nameof(IHazGitHubAccess.GitHubAppId),
        nameof(IHazGitHubAccess.GitHubAppPrivateKey), nameof(IHazGitHubAccess.GitOpsToken), nameof(IHazGitOps.PromotionSpec),
        nameof(IRehearse.RehearsalImage), nameof(IRehearse.RehearsalGitOps), nameof(IRehearse.RehearsalRun), nameof(IRehearse.RehearsalRunTimeout),
        nameof(IRehearse.RehearsalReset), nameof(IApplyDispatch.DispatchEvent),
    ];

    public static async Task RunAsync(IRehearse build, TargetContext context)
    {
        var cancellationToken = context.CancellationToken;
        var steps = new List<(string Step, TimeSpan Took)>();
        var clock = Stopwatch.StartNew();
        if (build.RehearsalReset && build.RehearsalDirectory.DirectoryExists())
        {
            Log.Information($"--rehearsal-reset: deleting {build.RehearsalDirectory.RelativeTo(build.RootDirectory)}");
            Directory.Delete(build.RehearsalDirectory, recursive: true);
        }

        var source = build.RehearsalGitOps!;
        var seed = RehearsalSeed.Prepare(source, build.RehearsalDirectory / "seed", build.RehearsalImage, build.GitOpsApp, build.Image);
        var fingerprintFile = build.RehearsalDirectory / "seed.sha256";
        var reseed = fingerprintFile.FileExists() && File.ReadAllText(fingerprintFile).Trim() != seed.Fingerprint;
        if (reseed)
        {
            Log.Warning($"The GitOps files in {source.RelativeTo(build.RootDirectory)} changed since the last rehearsal: the rehearsal's GitOps repository is seeded again from them (its earlier commits are dropped; the registry keeps its images).");
        }

        var specFile = build.PromotionSpec is { } spec ? build.RehearsalDirectory / "promotion.yaml" : null;
        if (specFile is not null)
        {
            File.WriteAllText(specFile, RehearsalSeed.MapSpecFile(build.PromotionSpec!, seed.RegistryPort));
        }

        var branch = build.GitOpsBranch ?? "main";
        var settings = new RehearsalSettings(build.RehearsalDirectory, seed.Directory, seed.RegistryPort) { Output = LogProgress.Instance, GitOpsBranch = branch, Reseed = reseed };
        await using var environment = await build.RehearsalInfrastructure.StartAsync(settings, cancellationToken).ConfigureAwait(false);
        Log.Mask(environment.AppPrivateKeyPem);
        await File.WriteAllTextAsync(fingerprintFile, seed.Fingerprint + "\n", cancellationToken).ConfigureAwait(false);
        steps.Add(("infrastructure", clock.Elapsed));
        Log.Information($"GitOps repository {environment.GitOpsRepository} on {environment.GitHubApiUrl}{(environment.Seeded ? ", seeded from " + source.RelativeTo(build.RootDirectory) : "")}; " +
            $"GitHub App {environment.AppId}; app {seed.App} as {seed.LocalImage} (its registry mapped to localhost:{seed.RegistryPort}).");

        // The same Promote a CI job runs, pointed at the local stand-ins. Test is the job of the Test target.
        string[] local =
        [
            "--gitops-repository", environment.GitOpsRepository,
            "--github-api-url", environment.GitHubApiUrl.ToString(),
            "--github-app-id", environment.AppId,
            .. specFile is null ? Array.Empty<string>() : ["--promotion-spec", specFile.Value],
            .. context.CommandLine.ToArguments(Overridden),
        ];
        var key = new Dictionary<string, string> { ["GITHUB_APP_PRIVATE_KEY"] = environment.AppPrivateKeyPem };
        string[] promote = ["Promote", "--skip", "Test", "--image", seed.LocalImage.ToString(), .. local];
        Log.Information("Running: Promote " + string.Join(' ', promote.Skip(1)) + " (GITHUB_APP_PRIVATE_KEY from the rehearsal)");
        var dispatchedBefore = environment.ReceivedDispatches().Count;
        var outcome = await context.RunBuildAsync(NewBuild(build), promote, key).ConfigureAwait(false);
        steps.AddRange(outcome.Targets.Where(t => t.Status == TargetStatus.Succeeded).Select(t => (t.Name, t.Duration)));
        Fail(build, outcome, "Promote");

        var report = await PromotionReport.ReadAsync(build.PromotionRecordPath, cancellationToken).ConfigureAwait(false);
        var dispatched = report.Results.Where(r => r.Status == PromotionStatus.Dispatched).ToList();
        if (dispatched.Count > 0)
        {
            report = await ReceiveAsync(build, context, environment, environment.ReceivedDispatches().Skip(dispatchedBefore).ToList(), local, key, steps).ConfigureAwait(false);
        }

        clock.Restart();
        var pinned = await PinnedImage.ReadAsync(build.ImageRecordPath, cancellationToken).ConfigureAwait(false);
        var proof = new RehearsalProof(build, environment, pinned, report, branch, specFile?.Value);
        var dryRun = build.DryRun;
        var pins = dryRun ? ["none checked: --dry-run wrote nothing"] : await proof.PinsAsync(cancellationToken).ConfigureAwait(false);
        var platforms = await proof.IndexAsync(cancellationToken).ConfigureAwait(false);
        var ran = build.RehearsalRun is { } command
            ? await RehearsalImageRun.RunAsync(pinned.Reference, command, TimeSpan.FromSeconds(build.RehearsalRunTimeout), pinned.SourceCommit, cancellationToken).ConfigureAwait(false)
            : "not run (--rehearsal-run <command> runs the image once)";
        steps.Add(("proof", clock.Elapsed));

        var alreadyPromoted = report.Results.Count > 0 && report.Results.All(r => r.Status == PromotionStatus.AlreadyPromoted);
        var reused = pinned.Strategy == "reused";
        Log.Information("");
        Log.Information("Rehearsal result");
        Log.Information($"  image      {pinned.Reference}{(reused ? " (already built: nothing new built)" : "")}");
        Log.Information($"  index      {platforms}");
        Log.Information($"  runs       {ran}");
        foreach (var pin in pins)
        {
            Log.Information($"  pinned     {pin}");
        }

        foreach (var dispatch in dispatched)
        {
            Log.Information($"  dispatched {dispatch.App} to {dispatch.Repository}; applied by ApplyDispatch as the GitOps repository's workflow would");
        }

        foreach (var result in report.Results)
        {
            Log.Information($"  {result.Environment,-10} {Describe(result)}");
        }

        Log.Information("  steps      " + string.Join(", ", steps.Select(s => $"{s.Step} {Report(s.Took)}")));
        if (alreadyPromoted)
        {
            Log.Information("Already promoted: every environment pins this image; nothing was written.");
        }

        context.Report("image", pinned.Reference.ToString());
        context.Report("result", alreadyPromoted ? "already promoted" : string.Join(", ", report.Results.Select(r => $"{r.Environment}: {r.Status}")));
        await RehearsalHistory.AppendAsync(build.ArtifactsDirectory / "rehearsals.json", pinned, report, steps, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The GitOps repository's side of a dispatch: each event applied with ApplyDispatch, as its receiver workflow would.</summary>
    private static async Task<PromotionReport> ReceiveAsync(
        IRehearse build, TargetContext context, RehearsalEnvironment environment, IReadOnlyList<string> events, string[] local,
        Dictionary<string, string> key, List<(string Step, TimeSpan Took)> steps)
    {
        if (events.Count == 0)
        {
            throw new BuildException($"Promote reported a repository_dispatch, but {environment.GitOpsRepository} received none.");
        }

        var results = new List<PromotionResult>();
        PromotionReport? last = null;
        for (var i = 0; i < events.Count; i++)
        {
            var file = build.RehearsalDirectory / $"dispatch-{i + 1}.json";
            await File.WriteAllTextAsync(file, events[i], context.CancellationToken).ConfigureAwait(false);
            string[] apply = ["ApplyDispatch", "--dispatch-event", file, .. local.Where((_, index) => index < 6)];
            Log.Information("Receiving the dispatch as the GitOps repository's workflow: ApplyDispatch " + string.Join(' ', apply.Skip(1)));
            var outcome = await context.RunBuildAsync(NewBuild(build), apply, key).ConfigureAwait(false);
            steps.AddRange(outcome.Targets.Where(t => t.Status == TargetStatus.Succeeded).Select(t => (t.Name, t.Duration)));
            Fail(build, outcome, "ApplyDispatch");
            last = await PromotionReport.ReadAsync(build.PromotionRecordPath, context.CancellationToken).ConfigureAwait(false);
            results.AddRange(last.Results);
        }
        return last! with { Results = results };
    }

    private static PipelineBuild NewBuild(IRehearse build) => (PipelineBuild)Activator.CreateInstance(build.GetType())!;

    private static void Fail(IRehearse build, BuildOutcome outcome, string what)
    {
        if (outcome.ExitCode != BuildOutcome.Success)
        {
            throw new BuildException($"The rehearsed {what} failed (exit code {outcome.ExitCode}); its errors are above. " +
                $"Rehearsal state stays in {build.RehearsalDirectory.RelativeTo(build.RootDirectory)}; --rehearsal-reset starts from scratch.");
        }
    }

    private static string Describe(PromotionResult result) =>
        result.Status + (result.CommitSha is { } sha ? $" {sha[..Math.Min(12, sha.Length)]}" : "") + (result.PullRequestUrl is { } url ? $" {url}" : "")
        + (result.Reason is { } reason ? $" ({reason})" : "");

    private static string Report(TimeSpan took) => took.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
