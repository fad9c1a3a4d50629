using Pipeline.Benchmarks.Measuring;
using Pipeline.Containers;

namespace Pipeline.Benchmarks.Build;

/// <summary>
/// One way to build a context (first argument) for some platforms and push an index to a repository (second), labelled
/// with a commit (third); returns how it built (the strategy BuildMultiArchImage chose).
/// </summary>
internal sealed record Builder(string Name, string Label, Func<string, string, string, IReadOnlyList<Platform>, CancellationToken, Task<string>> BuildAsync);

/// <summary>
/// What BuildMultiArchImage runs, and what a user would type instead: one <c>docker buildx build --platform a,b --push</c>
/// when buildx works here, and otherwise per-platform BuildKit builds (<c>DOCKER_BUILDKIT=1 docker build --platform</c>),
/// pushes, and <c>docker manifest create</c> + <c>push</c>, either all platforms at once (background jobs) or one
/// after the other.
/// </summary>
internal static class Builders
{
    /// <summary>The component BuildMultiArchImage calls, configured as it does, with the strategy it would choose here.</summary>
    public static Builder Pipeline(string artifacts) => new("pipeline", "BuildMultiArchImage", async (context, repository, commit, platforms, token) =>
    {
        using var builder = new MultiPlatformImageBuilder(new ImageBuilderOptions { ArtifactsDirectory = artifacts });
        var built = await builder.BuildAsync(new ImageBuildRequest(repository, context)
        {
            Platforms = platforms,
            SourceCommit = commit,
            ReuseExisting = true,
        }, BuildStrategyKind.Auto, token).ConfigureAwait(false);
        return built.Strategy;
    });

    public static Builder Buildx(string docker) => new("buildx", "`docker buildx build --platform ... --push`", async (context, repository, commit, platforms, token) =>
    {
        await ProcessRuns.RunAsync(docker, ["buildx", "build", "--platform", string.Join(',', platforms), "--build-arg", $"COMMIT={commit}", "--push", "-t", $"{repository}:{Tag(commit)}", context],
            cancellationToken: token).ConfigureAwait(false);
        return "buildx";
    });

    public static Builder CliParallel => new("cli-parallel", "per-platform `docker build` + `push` run in parallel, then `docker manifest`", async (context, repository, commit, platforms, token) =>
    {
        var tag = Tag(commit);
        await Task.WhenAll(platforms.Select(async p =>
        {
            await DockerAsync(token, BuildArguments(context, repository, tag, p)).ConfigureAwait(false);
            await DockerAsync(token, "push", $"{repository}:{tag}-{p.Slug}").ConfigureAwait(false);
        })).ConfigureAwait(false);
        await ManifestAsync(repository, tag, platforms, token).ConfigureAwait(false);
        return "docker CLI";
    });

    public static Builder CliSequential => new("cli-sequential", "per-platform `docker build` + `push` one after the other, then `docker manifest`", async (context, repository, commit, platforms, token) =>
    {
        var tag = Tag(commit);
        foreach (var platform in platforms)
        {
            await DockerAsync(token, BuildArguments(context, repository, tag, platform)).ConfigureAwait(false);
            await DockerAsync(token, "push", $"{repository}:{tag}-{platform.Slug}").ConfigureAwait(false);
        }

        await ManifestAsync(repository, tag, platforms, token).ConfigureAwait(false);
        return "docker CLI";
    });

    /// <summary>The short commit, the tag BuildMultiArchImage pushes too.</summary>
    public static string Tag(string commit) => commit[..7];

    // --network host: this engine may run without a default bridge (dockerd --bridge=none), and a RUN step needs a network mode.
    private static string[] BuildArguments(string context, string repository, string tag, Platform platform) =>
        ["build", "--network", "host", "--platform", platform.ToString(), "--build-arg", $"COMMIT={tag}",
         "--label", $"org.opencontainers.image.revision={tag}", "-t", $"{repository}:{tag}-{platform.Slug}", context];

    private static async Task ManifestAsync(string repository, string tag, IReadOnlyList<Platform> platforms, CancellationToken token)
    {
        await DockerAsync(token, ["manifest", "create", "--insecure", $"{repository}:{tag}", .. platforms.Select(p => $"{repository}:{tag}-{p.Slug}")]).ConfigureAwait(false);
        await DockerAsync(token, "manifest", "push", "--insecure", "--purge", $"{repository}:{tag}").ConfigureAwait(false);
    }

    private static Task<ProcessOutcome> DockerAsync(CancellationToken token, params string[] arguments) =>
        ProcessRuns.RunAsync(Tools.DockerForBuilds, arguments, environment: new Dictionary<string, string?> { ["DOCKER_BUILDKIT"] = "1" }, cancellationToken: token);
}
