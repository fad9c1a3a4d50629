using Pipeline.Containers;
using Pipeline.GitHub;
using Pipeline.Promotion;
using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>What the GitOps targets do, kept out of the interfaces so that they read as declarations.</summary>
internal static class GitOpsTargets
{
    public static async Task BumpAsync(IBumpGitOps build, TargetContext context)
    {
        // A record left by an earlier run must not outlive a promotion that fails now: nothing is reported as promoted.
        if (build.PromotionRecordPath.FileExists())
        {
            File.Delete(build.PromotionRecordPath.Value);
        }

        var checkout = await SourceRevision.ReadAsync(build, context.CancellationToken).ConfigureAwait(false);
        var (image, builtFrom) = await PinnedImageAsync(build, checkout.Commit, context.CancellationToken).ConfigureAwait(false);
        var source = await BuiltSourceAsync(build, checkout, builtFrom, context.CancellationToken).ConfigureAwait(false);
        var request = new PromotionRequest(await RequestAsync(build, source, context.CancellationToken).ConfigureAwait(false), image);
        Log.Information($"Promoting {image} to {request.Target}{(build.DryRun ? " (dry run: nothing is written)" : "")}");
        var report = await new Promoter(Options()).PromoteAsync(request, context.CancellationToken).ConfigureAwait(false);
        await FinishAsync(build, context, report).ConfigureAwait(false);
    }

    public static async Task ApplyDispatchAsync(IApplyDispatch build, TargetContext context)
    {
        var eventPath = build.DispatchEvent?.Value
            ?? (build.EnvironmentVariables.TryGetValue("GITHUB_EVENT_PATH", out var path) && path.Length > 0 ? path : null)
            ?? throw new BuildException("No dispatch event to apply: pass --dispatch-event <file>, or run in the repository_dispatch workflow ($GITHUB_EVENT_PATH).");
        var template = await RequestAsync(build, source: null, context.CancellationToken).ConfigureAwait(false);
        var options = Options() with { VerifyImage = (image, token) => PinVerification.VerifyAsync(build, build.NoVerifyImage, image, token) };
        var report = await new Promoter(options).ApplyDispatchAsync(eventPath, template, cancellationToken: context.CancellationToken).ConfigureAwait(false);
        await FinishAsync(build, context, report).ConfigureAwait(false);
    }

    /// <summary>
    /// The pinned image to promote, with the tag asked for, and the commit it was built from when that is known:
    /// <c>--image-reference</c>, else <c>artifacts/image.json</c> of <c>--image</c> and the checkout's commit.
    /// </summary>
    private static async Task<(Containers.ImageReference Image, string? BuiltFrom)> PinnedImageAsync(IBumpGitOps build, string head, CancellationToken cancellationToken)
    {
        if (build.ImageReference is { } text)
        {
            var parsed = PromotedImage.Explicit(build, text);
            return (parsed, await PinVerification.VerifyAsync(build, build.NoVerifyImage, parsed, cancellationToken).ConfigureAwait(false));
        }
        PromotedImage image;
        try
        {
            image = build.DryRun
                ? await PromotedImage.ForDryRunAsync(build, head, cancellationToken).ConfigureAwait(false)
                : await PromotedImage.FromRecordAsync(build, head, cancellationToken).ConfigureAwait(false);
        }
        catch (BuildException exception)
        {
            throw new BuildException($"{exception.Message} Fix: {PromotedImage.RecordFix(build)}");
        }
        if (image.Reference.Digest == PromotedImage.Placeholder)
        {
            Log.Information($"Dry run: nothing was built, so the promoted digest is a placeholder ({PromotedImage.Placeholder}).");
            return (image.Reference, image.BuiltFrom);
        }
        await PinVerification.VerifyAsync(build, build.NoVerifyImage, image.Reference, cancellationToken).ConfigureAwait(false);
        return (image.Reference, image.BuiltFrom);
    }

    /// <summary>The source as the guards and trailers must see it: the commit the image was built from, not the checkout's.</summary>
    private static async Task<SourceRevision> BuiltSourceAsync(IPipelineBuild build, SourceRevision checkout, string? builtFrom, CancellationToken cancellationToken)
    {
        if (builtFrom is null || string.Equals(builtFrom, checkout.Commit, StringComparison.OrdinalIgnoreCase))
        {
            return checkout;
        }

        Log.Information($"The image was built from {builtFrom[..Math.Min(12, builtFrom.Length)]}; the checkout is at {checkout.ShortCommit}. The promotion names the image's commit.");
        var message = await ProcessRunner.RunAsync(new ProcessRequest("git", ["log", "-1", "--format=%s", builtFrom])
        { WorkingDirectory = build.RootDirectory, ThrowOnFailure = false }, cancellationToken).ConfigureAwait(false);
        return checkout with { Commit = builtFrom, Message = message.ExitCode == 0 ? message.StandardOutput.Trim() : null, IsDirty = false };
    }

    private static async Task<PromotionSettings> RequestAsync(IHazGitOps build, SourceRevision? source, CancellationToken cancellationToken)
    {
        var endpoint = build.GitHubApiUrl is { } api ? GitHubEndpoint.FromApiUrl(api) : null;
        var target = PromotionTarget.Parse(PromotionChecks.Resolve(build, build.GitOpsRepository!), endpoint);
        return new PromotionSettings(target)
        {
            Source = source is null ? PromotionSource.Unknown : new PromotionSource(SourceRepository(build, source), source.Commit)
            {
                Branch = source.Branch,
                Message = source.Message,
            },
            Branch = build.GitOpsBranch,
            SpecPath = build.PromotionSpec?.Value,
            App = build.GitOpsApp,
            Environments = build.Environment,
            WriteMethod = build.WriteMethod,
            DryRun = build.DryRun,
            AllowMovedSource = build.AllowMovedSource,
            Rollback = build.Rollback,
            CiRunUrl = source?.RunUrl,
            Retry = RetryFor(build),
            Credentials = GitHubCredentials.From(build),
            SourceHistory = source is null ? null : await SourceHistories.ForAsync(build, source, cancellationToken).ConfigureAwait(false),
        };
    }

    private static RetryOptions RetryFor(IHazGitOps build) => build.PromotionBudget switch
    {
        null => PromotionRequest.DefaultRetry,
        > 0 and var seconds => PromotionRequest.DefaultRetry with { Budget = TimeSpan.FromSeconds(seconds) },
        var seconds => throw new BuildException($"--promotion-budget {seconds} is not a number of seconds above 0; give how long a promotion may keep retrying, e.g. --promotion-budget 600."),
    };

    private static string? SourceRepository(IPipelineBuild build, SourceRevision source) =>
        build.EnvironmentVariables.TryGetValue("GITHUB_REPOSITORY", out var repository) && repository.Length > 0 ? repository : source.RepositoryUrl;

    private static PromoterOptions Options() => new() { Logger = LogAdapter.Instance };

    private static async Task FinishAsync(IHazGitOps build, TargetContext context, PromotionReport report)
    {
        await report.WriteAsync(build.PromotionRecordPath, context.CancellationToken).ConfigureAwait(false);
        foreach (var result in report.Results)
        {
            var where = result.CommitSha is { } sha ? $" {sha[..Math.Min(12, sha.Length)]}" : result.PullRequestUrl is { } url ? $" {url}" : "";
            context.Report($"{result.App}/{result.Environment}", $"{result.Status}{where}");
            Log.Information($"{result.App}/{result.Environment}: {Describe(result)}");
            foreach (var file in result.Files.Where(f => f.Diff.Length > 0))
            {
                Log.Information(file.Diff.TrimEnd());
            }

            foreach (var note in result.Notes)
            {
                Log.Information($"{result.App}/{result.Environment}: {note}");
            }
        }
        foreach (var note in report.Notes)
        {
            Log.Information(note);
        }

        context.SetOutput("promotion-changed", report.Changed ? "true" : "false");
        if (report.Results.FirstOrDefault(r => r.CommitSha != null) is { CommitSha: { } commit })
        {
            context.SetOutput("promotion-commit", commit);
        }

        if (report.Results.FirstOrDefault(r => r.PullRequestUrl != null) is { PullRequestUrl: { } pullRequest })
        {
            context.SetOutput("promotion-pull-request", pullRequest);
        }

        context.AppendSummary(report.ToMarkdownSummary());
        if (report.Results.Count == 0)
        {
            context.Report("promotion", "no environment matched");
            Log.Warning($"Nothing promoted: no environment of the spec routes {report.Image} (its tag and source branch match no 'when'). " +
                "Pick the tag with --promote-tag, or name an environment with --environment to see why it does not match.");
        }
        else if (report.Results.All(r => r.Status == PromotionStatus.AlreadyPromoted))
        {
            Log.Information("Already promoted: every environment already pins this image; nothing was written.");
        }
    }

    private static string Describe(PromotionResult result) => result.Status switch
    {
        PromotionStatus.Committed => $"committed {result.CommitSha} to {result.Branch}",
        PromotionStatus.Written => $"wrote {result.Files.Count} file(s)",
        PromotionStatus.PullRequestOpened => $"opened {result.PullRequestUrl}",
        PromotionStatus.PullRequestUpdated => $"updated {result.PullRequestUrl}",
        PromotionStatus.PullRequestMerged => $"merged {result.PullRequestUrl}" + (result.CommitSha is { } sha ? $" as {sha}" : ""),
        PromotionStatus.AlreadyPromoted => "already promoted; nothing written",
        PromotionStatus.DryRun => "dry run; nothing written",
        PromotionStatus.Dispatched => "repository_dispatch sent",
        PromotionStatus.NotRouted => $"not routed: {result.Reason}",
        _ => result.Status.ToString(),
    };
}
