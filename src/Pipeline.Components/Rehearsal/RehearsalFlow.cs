using System.Diagnostics;
using System.Globalization;
using Pipeline.Containers;
using Pipeline.Promotion;
using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>What Rehearse does: infrastructure, the Promote invocation against it, the proof, the record.</summary>
internal static class RehearsalRun
{
    public static async Task RunAsync(IRehearse build, TargetContext context)
    {
        var cancellationToken = context.CancellationToken;
        var image = RehearsalImage(build.RehearsalImage);
        var steps = new List<(string Step, TimeSpan Took)>();
        var clock = Stopwatch.StartNew();
        if (build.RehearsalReset && build.RehearsalDirectory.DirectoryExists())
        {
            Log.Information($"--rehearsal-reset: deleting {build.RehearsalDirectory.RelativeTo(build.RootDirectory)}");
            Directory.Delete(build.RehearsalDirectory, recursive: true);
        }

        var settings = new RehearsalSettings(build.RehearsalDirectory, build.RehearsalGitOps, image.Port) { Output = LogProgress.Instance };
        await using var environment = await build.RehearsalInfrastructure.StartAsync(settings, cancellationToken).ConfigureAwait(false);
        Log.Mask(environment.AppPrivateKeyPem);
        steps.Add(("infrastructure", clock.Elapsed));
        Log.Information($"GitOps repository {environment.GitOpsRepository} on {environment.GitHubApiUrl}{(environment.Seeded ? ", seeded from " + build.RehearsalGitOps.RelativeTo(build.RootDirectory) : "")}; GitHub App {environment.AppId}.");

        // The same Promote a CI job runs, pointed at the local stand-ins. Test is the job of ./build.sh Test.
        string[] arguments =
        [
            "Promote", "--skip", "Test",
            "--image", image.Repository,
            "--gitops-repository", environment.GitOpsRepository,
            "--github-api-url", environment.GitHubApiUrl.ToString(),
            "--github-app-id", environment.AppId,
        ];
        Log.Information("Running: ./build.sh " + string.Join(' ', arguments) + " (GITHUB_APP_PRIVATE_KEY from the rehearsal)");
        var promote = (PipelineBuild)Activator.CreateInstance(build.GetType())!;
        var outcome = await context.RunBuildAsync(promote, arguments, new Dictionary<string, string> { ["GITHUB_APP_PRIVATE_KEY"] = environment.AppPrivateKeyPem }).ConfigureAwait(false);
        steps.AddRange(outcome.Targets.Where(t => t.Status == TargetStatus.Succeeded).Select(t => (t.Name, t.Duration)));
        if (outcome.ExitCode != BuildOutcome.Success)
        {
            throw new BuildException($"The rehearsed Promote failed (exit code {outcome.ExitCode}); its errors are above. " +
                $"Rehearsal state stays in {build.RehearsalDirectory.RelativeTo(build.RootDirectory)}; --rehearsal-reset starts from scratch.");
        }

        clock.Restart();
        var pinned = await PinnedImage.ReadAsync(build.ImageRecordPath, cancellationToken).ConfigureAwait(false);
        var report = await PromotionReport.ReadAsync(build.PromotionRecordPath, cancellationToken).ConfigureAwait(false);
        var proof = new RehearsalProof(build, environment, pinned, report);
        var pins = await proof.PinsAsync(cancellationToken).ConfigureAwait(false);
        var platforms = await proof.IndexAsync(cancellationToken).ConfigureAwait(false);
        var ran = await proof.RunImageAsync(cancellationToken).ConfigureAwait(false);
        steps.Add(("proof", clock.Elapsed));

        var alreadyPromoted = report.Results.Count > 0 && report.Results.All(r => r.Status == PromotionStatus.AlreadyPromoted);
        var reused = pinned.Strategy == "reused";
        Log.Information("");
        Log.Information("Rehearsal result");
        Log.Information($"  image      {pinned.Reference}{(reused ? " (already built: nothing new built)" : "")}");
        Log.Information($"  index      {platforms}");
        Log.Information($"  runs       {ran}");
        foreach (var pin in pins)
            Log.Information($"  pinned     {pin}");
        foreach (var result in report.Results)
            Log.Information($"  {result.Environment,-10} {Describe(result)}");
        Log.Information("  steps      " + string.Join(", ", steps.Select(s => $"{s.Step} {Report(s.Took)}")));
        if (alreadyPromoted)
            Log.Information("Already promoted: every environment pins this image; nothing was written.");

        context.Report("image", pinned.Reference.ToString());
        context.Report("result", alreadyPromoted ? "already promoted" : string.Join(", ", report.Results.Select(r => $"{r.Environment}: {r.Status}")));
        await RehearsalHistory.AppendAsync(build.ArtifactsDirectory / "rehearsals.json", pinned, report, steps, cancellationToken).ConfigureAwait(false);
    }

    internal static (string Repository, int Port) RehearsalImage(string text)
    {
        if (!Containers.ImageReference.TryParse(text, out var image, out var error))
            throw new BuildException($"--rehearsal-image '{text}' is not an image name: {error}.");
        var registry = image.Registry;
        var colon = registry.LastIndexOf(':');
        var host = colon < 0 ? registry : registry[..colon];
        if (host is not ("localhost" or "127.0.0.1") || colon < 0 || !int.TryParse(registry[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            throw new BuildException($"--rehearsal-image '{text}' must name a loopback registry with a port, such as localhost:5780/demo-service: the rehearsal starts that registry itself.");
        return (image.WithoutTagOrDigest().ToString(), port);
    }

    private static string Describe(PromotionResult result) =>
        result.Status + (result.CommitSha is { } sha ? $" {sha[..Math.Min(12, sha.Length)]}" : "") + (result.PullRequestUrl is { } url ? $" {url}" : "")
        + (result.Reason is { } reason ? $" ({reason})" : "");

    private static string Report(TimeSpan took) => took.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
