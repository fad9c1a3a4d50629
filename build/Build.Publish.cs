using Pipeline.Components;
using Pipeline.GitHub;
using Pipeline.GitHub.Releases;
using Pipeline.Processes;
using Pipeline.Targets;

namespace Pipeline.Build;

/// <summary>
/// Publishing: the pipeline tool as self-contained single-file binaries (Binaries), then the packages pushed to a NuGet
/// feed and the binaries attached to a GitHub release (Publish).
/// </summary>
internal sealed partial class Build
{
    static readonly string[] BinaryRuntimes = ["linux-x64", "linux-arm64"];

    [Parameter("NuGet feed the packages are pushed to: a URL (nuget.org, GitHub Packages) or a folder.")]
    readonly string? NuGetSource;

    [Parameter("API key of the NuGet feed."), Secret]
    readonly string? NuGetApiKey;

    [Parameter("Repository whose release gets the binaries, owner/name (default: GITHUB_REPOSITORY).")]
    readonly string? ReleaseRepository;

    [Parameter("Token that creates the release and uploads its assets (default: GITHUB_TOKEN)."), Secret]
    readonly string? ReleaseToken;

    AbsolutePath BinariesDirectory => ArtifactsDirectory / "binaries";

    Target Binaries => _ => _
        .Description("Publishes the pipeline tool as self-contained single-file binaries for linux-x64 and linux-arm64 into artifacts/binaries.")
        .Produces("artifacts/binaries/pipeline-*")
        .Executes(async context =>
        {
            var version = await BinaryVersionAsync(context.CancellationToken);
            foreach (var runtime in BinaryRuntimes)
            {
                var output = TemporaryDirectory / "binaries" / runtime;
                await ProcessRunner.RunAsync(new ProcessRequest("dotnet",
                    ["publish", RootDirectory / "src" / "Pipeline.Tool", "-c", "Release", "-r", runtime, "-p:PublishSingleFile=true", $"-p:Version={version}", "-o", output, "-nologo", "-v", "q"]),
                    context.CancellationToken);
                BinariesDirectory.CreateDirectory();
                File.Copy(output / "pipeline", BinariesDirectory / $"pipeline-{runtime}", overwrite: true);
                context.Report(runtime, $"{new FileInfo(BinariesDirectory / $"pipeline-{runtime}").Length / 1_000_000.0:0.0} MB");
            }
        });

    /// <summary>The version Pack gives the packages: --package-version, else the v tag on HEAD, else 0.1.0-local.</summary>
    async Task<string> BinaryVersionAsync(CancellationToken cancellationToken)
    {
        if (((IPack)this).PackageVersion is { } version)
        {
            return version;
        }

        var tags = await ProcessRunner.RunAsync(new ProcessRequest("git", ["tag", "--points-at", "HEAD", "--list", "v*", "--sort=-version:refname"])
        { WorkingDirectory = RootDirectory, ThrowOnFailure = false }, cancellationToken);
        return tags.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()?[1..] ?? "0.1.0-local";
    }

    Target Publish => _ => _
        .Description("Pushes artifacts/packages to --nuget-source and attaches artifacts/binaries to the GitHub release of v<version>.")
        .DependsOn<IPack>(x => x.Pack)
        .DependsOn(Binaries)
        .Requires(() => NuGetSource)
        .Executes(async context =>
        {
            var packages = Directory.GetFiles(((IPack)this).PackagesDirectory, "*.nupkg").Order(StringComparer.Ordinal).ToList();
            // A Secret joins the process's redactor when created: the key is masked in every line dotnet prints.
            var apiKey = NuGetApiKey is null ? null : new Secret(NuGetApiKey);
            foreach (var package in packages)
            {
                await ProcessRunner.RunAsync(new ProcessRequest("dotnet", ["nuget", "push", package, "--source", NuGetSource!, "--skip-duplicate", .. apiKey is null ? Array.Empty<string>() : ["--api-key", apiKey.Reveal()]])
                    , context.CancellationToken);
            }
            context.Report("packages", $"{packages.Count} to {NuGetSource}");

            var repository = ReleaseRepository ?? EnvironmentVariables.GetValueOrDefault("GITHUB_REPOSITORY");
            var token = ReleaseToken ?? EnvironmentVariables.GetValueOrDefault("GITHUB_TOKEN");
            if (repository is null || token is null)
            {
                Log.Warning("No release: set --release-repository (or GITHUB_REPOSITORY) and --release-token (or GITHUB_TOKEN) to attach the binaries to a GitHub release.");
                return;
            }
            var version = Path.GetFileNameWithoutExtension(packages.First(p => Path.GetFileName(p).StartsWith("Pipeline.Tool.", StringComparison.Ordinal)))["Pipeline.Tool.".Length..];
            var api = ((IHazGitHubAccess)this).GitHubApiUrl;
            using var client = new GitHubClient(new GitHubClientOptions(api is null ? GitHubEndpoint.GitHubCom : GitHubEndpoint.FromApiUrl(api), GitHubToken.PersonalAccessToken(new Secret(token))));
            var id = RepositoryId.Parse(repository);
            var tag = "v" + version;
            var release = await client.Releases.GetByTagAsync(id, tag, context.CancellationToken)
                ?? await client.Releases.CreateAsync(id, new NewRelease(tag) { Name = version, Prerelease = version.Contains('-'), TargetCommitish = EnvironmentVariables.GetValueOrDefault("GITHUB_SHA") }, context.CancellationToken);
            foreach (var binary in Directory.GetFiles(BinariesDirectory).Order(StringComparer.Ordinal))
            {
                if (release.Assets.Any(a => a.Name == Path.GetFileName(binary)))
                {
                    continue;
                }

                await client.Releases.UploadAssetAsync(release, Path.GetFileName(binary), "application/octet-stream", await File.ReadAllBytesAsync(binary, context.CancellationToken), context.CancellationToken);
            }
            context.Report("release", $"{repository} {tag}: {string.Join(", ", Directory.GetFiles(BinariesDirectory).Select(Path.GetFileName))}");
            context.SetOutput("release-url", release.HtmlUrl ?? tag);
        });
}
