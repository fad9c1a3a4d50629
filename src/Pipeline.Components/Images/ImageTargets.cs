using System.Globalization;
using Pipeline.Containers;
using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>What the image targets do, kept out of the interfaces so that they read as declarations.</summary>
internal static class ImageTargets
{
    public static async Task BuildAsync(IHazImage build, TargetContext context)
    {
        if (build.DryRun)
        {
            await ImageDryRun.BuildAsync(build, context).ConfigureAwait(false);
            return;
        }
        // A record left by an earlier run must not outlive a build that fails now: nothing is reported as pushed.
        if (build.ImageRecordPath.FileExists())
        {
            File.Delete(build.ImageRecordPath.Value);
        }

        var request = await RequestAsync(build, context).ConfigureAwait(false);
        using var builder = Builder(build);
        if (build.BuildStrategy == BuildStrategyKind.Split && request.Platforms.Count == 1)
        {
            var platform = request.Platforms[0];
            var image = await builder.Split.BuildPlatformAsync(request, platform, context.CancellationToken).ConfigureAwait(false);
            context.Report(platform.ToString(), image.Digest.ToString());
            context.SetOutput("platform-digest", image.Digest.ToString());
            Log.Information($"Pushed {platform} as {image.Digest}; run MergeImage once every platform is built.");
            return;
        }

        var built = await builder.BuildAsync(request, build.BuildStrategy, context.CancellationToken).ConfigureAwait(false);
        await built.WriteAsync(build.ImageRecordPath, context.CancellationToken).ConfigureAwait(false);
        await StampAsync(build, context, built.SourceCommit, built.Reference).ConfigureAwait(false);
        Report(context, built.Reference.ToString(), built.Strategy, built.Platforms.Count);
    }

    public static async Task MergeAsync(IHazImage build, TargetContext context)
    {
        if (build.DryRun)
        {
            await ImageDryRun.BuildAsync(build, context).ConfigureAwait(false);
            return;
        }
        var request = await RequestAsync(build, context).ConfigureAwait(false);
        using var builder = Builder(build);
        var built = await builder.Split.MergeAsync(request, context.CancellationToken).ConfigureAwait(false);
        await built.WriteAsync(build.ImageRecordPath, context.CancellationToken).ConfigureAwait(false);
        await StampAsync(build, context, built.SourceCommit, built.Reference).ConfigureAwait(false);
        Report(context, built.Reference.ToString(), built.Strategy, built.Platforms.Count);
    }

    public static async Task CaptureAsync(IHazImage build, TargetContext context)
    {
        if (build.DryRun)
        {
            ImageDryRun.Capture(build, context);
            return;
        }
        if (!build.ImageRecordPath.FileExists())
        {
            throw new BuildException($"{build.ImageRecordPath.RelativeTo(build.RootDirectory)} is missing: run BuildMultiArchImage (or MergeImage) first, or bring that file from the job that did.");
        }

        var built = await BuiltImage.ReadAsync(build.ImageRecordPath, context.CancellationToken).ConfigureAwait(false);
        using var builder = Builder(build);
        var platforms = Platform.ParseList(string.Join(',', build.Platforms));
        var pinned = await builder.CaptureAsync(built, platforms, Credential(build), build.InsecureRegistries, context.CancellationToken).ConfigureAwait(false);
        await pinned.WriteAsync(build.ImageRecordPath, context.CancellationToken).ConfigureAwait(false);
        await StampAsync(build, context, pinned.SourceCommit, pinned.Reference).ConfigureAwait(false);
        context.Report("pinned", pinned.Reference.ToString());
        context.Report("platforms", string.Join(", ", pinned.Platforms.Select(p => $"{p.Platform} ({p.ConfigArchitecture})")));
        foreach (var (name, value) in pinned.ToGitHubOutputs())
        {
            context.SetOutput(name, value);
        }

        context.AppendSummary(pinned.ToMarkdownSummary());
        Log.Information($"Pinned {pinned.Reference}");
    }

    /// <summary>image.json says which invocation, commit and registry produced it, and when.</summary>
    private static Task StampAsync(IHazImage build, TargetContext context, string? commit, ImageReference reference)
    {
        var env = build.EnvironmentVariables;
        var run = env.TryGetValue("GITHUB_SERVER_URL", out var server) && env.TryGetValue("GITHUB_REPOSITORY", out var repository) && env.TryGetValue("GITHUB_RUN_ID", out var id)
            ? $"{server}/{repository}/actions/runs/{id}"
            : null;
        return ImageOrigin.Now(build, context, commit, reference.Registry, run).StampAsync(build.ImageRecordPath, context.CancellationToken);
    }

    private static async Task<ImageBuildRequest> RequestAsync(IHazImage build, TargetContext context)
    {
        var source = await SourceRevision.ReadAsync(build, context.CancellationToken).ConfigureAwait(false);
        if (source.IsDirty)
        {
            Log.Warning($"The working tree has uncommitted changes; the image is still labelled {source.ShortCommit}, and is reused only if an image was built from exactly these files.");
        }

        return new ImageBuildRequest(build.Image!, build.Context)
        {
            Platforms = Platform.ParseList(string.Join(',', build.Platforms)),
            Dockerfile = build.Dockerfile?.Value,
            Tags = build.Tags,
            SourceCommit = source.Commit,
            SourceUrl = source.RepositoryUrl,
            InsecureRegistries = build.InsecureRegistries,
            Credential = Credential(build),
            Created = await SourceDateAsync(build, source.Commit, context.CancellationToken).ConfigureAwait(false),
            ReuseExisting = !build.Rebuild,
        };
    }

    /// <summary>
    /// The time every timestamp of the image takes, so the same commit gives the same digest on every machine:
    /// <c>SOURCE_DATE_EPOCH</c> when set (the reproducible-builds convention), else the commit's committer date.
    /// </summary>
    private static async Task<DateTimeOffset?> SourceDateAsync(IPipelineBuild build, string commit, CancellationToken cancellationToken)
    {
        if (build.EnvironmentVariables.TryGetValue("SOURCE_DATE_EPOCH", out var epoch) && epoch.Length > 0)
        {
            return long.TryParse(epoch, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : throw new BuildException($"SOURCE_DATE_EPOCH '{epoch}' is not a number of seconds since 1970; set it to e.g. $(git log -1 --format=%ct), or unset it to use the commit's date.");
        }

        var result = await ProcessRunner.RunAsync(new ProcessRequest("git", ["log", "-1", "--format=%ct", commit])
        { WorkingDirectory = build.RootDirectory, ThrowOnFailure = false }, cancellationToken).ConfigureAwait(false);
        return result.ExitCode == 0 && long.TryParse(result.StandardOutput.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var committed)
            ? DateTimeOffset.FromUnixTimeSeconds(committed)
            : null;
    }

    private static RegistryCredential? Credential(IHazImage build) =>
        build.RegistryPassword is { Length: > 0 } password
            ? new RegistryCredential(build.RegistryUsername ?? "token", new Secret(password), "--registry-password")
            : null;

    private static MultiPlatformImageBuilder Builder(IHazImage build) => new(new ImageBuilderOptions
    {
        Output = LogProgress.Instance,
        PushProgress = build.Host == HostKind.Terminal ? new ConsolePushProgress() : null,
        ArtifactsDirectory = build.ArtifactsDirectory,
        Endpoint = DockerEndpoint.FromEnvironment(name => build.EnvironmentVariables.TryGetValue(name, out var value) ? value : null),
        Credentials = new RegistryCredentialProvider(environment: name => build.EnvironmentVariables.TryGetValue(name, out var value) ? value : null),
    });

    private static void Report(TargetContext context, string reference, string strategy, int platforms)
    {
        context.Report("image", reference);
        context.Report("strategy", strategy);
        context.Report("platforms", platforms.ToString(CultureInfo.InvariantCulture));
    }
}
