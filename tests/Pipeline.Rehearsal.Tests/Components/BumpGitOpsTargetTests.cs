using System.Diagnostics;
using System.Security.Cryptography;
using Pipeline.Components;
using Pipeline.Containers;
using Pipeline.Rehearsal.GitHub;
using Pipeline.Targets;

namespace Pipeline.Rehearsal.Tests.Components;

/// <summary>BumpGitOps as a later CI job runs it: from artifacts/image.json, against a GitHub API with an App.</summary>
public sealed class BumpGitOpsTargetTests : IAsyncLifetime
{
    private const string IndexDigest = "sha256:2222222222222222222222222222222222222222222222222222222222222222";
    private LocalGitHubServer _server = null!;
    private string _root = null!;
    private string _key = null!;

    public async Task InitializeAsync()
    {
        _server = await LocalGitHubServer.StartAsync();
        var seed = Directory.CreateTempSubdirectory("pipeline-bump-seed-").FullName;
        await File.WriteAllTextAsync(Path.Combine(seed, "promotion.yaml"), """
            apps:
              web:
                image: ghcr.io/acme/web
                environments:
                  dev:
                    when: { tag: '.*-dev' }
                    files:
                      - path: dev/values.yaml
                        regex: 'imageTag: "(?<tag>[^"]*)"'
            """);
        Directory.CreateDirectory(Path.Combine(seed, "dev"));
        await File.WriteAllTextAsync(Path.Combine(seed, "dev", "values.yaml"), "imageTag: \"0.1-dev\"\n");
        await _server.CreateRepositoryAsync("acme", "gitops", "main", seed);
        using var rsa = RSA.Create(2048);
        _key = rsa.ExportRSAPrivateKeyPem();
        _server.RegisterApp(78, "Iv1.bump", _key, "bumper");
        _server.InstallApp(78, "acme", ["gitops"]);

        _root = Directory.CreateTempSubdirectory("pipeline-bump-build-").FullName;
        Directory.CreateDirectory(Path.Combine(_root, ".nuke"));
        Git("init", "--quiet", "--initial-branch", "main");
        Git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "--quiet", "--allow-empty", "-m", "feat: the built change");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_promotion_names_the_commit_the_image_was_built_from_and_the_tag_asked_for()
    {
        var built = Git("rev-parse", "HEAD");
        await WriteImageRecordAsync(built, ["abc1234", "1.2-dev"]);
        Git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "--quiet", "--allow-empty", "-m", "chore: a later commit");

        var (outcome, output) = await RunAsync("BumpGitOps", "--skip", "--promote-tag", "1.2-dev");

        outcome.ExitCode.Should().Be(0, output);
        output.Should().Contain($"The image was built from {built[..12]}");
        (await ShowAsync("main:dev/values.yaml")).Should().Be("imageTag: \"1.2-dev\"\n");
        var message = await ShowAsync("--no-patch", "--format=%B", "main");
        message.Should().Contain($"Source-Commit: {built}").And.Contain($"Promoted-Image: ghcr.io/acme/web:1.2-dev@{IndexDigest}");
    }

    [Fact]
    public async Task Without_the_tag_the_short_commit_routes_nowhere_and_the_build_says_so()
    {
        await WriteImageRecordAsync(Git("rev-parse", "HEAD"), ["abc1234", "1.2-dev"]);

        var (outcome, output) = await RunAsync("BumpGitOps", "--skip");

        outcome.ExitCode.Should().Be(0, output);
        output.Should().Contain($"Nothing promoted: no environment of the spec routes ghcr.io/acme/web:abc1234@{IndexDigest}").And.Contain("--promote-tag");
        (await ShowAsync("main:dev/values.yaml")).Should().Be("imageTag: \"0.1-dev\"\n");

        var (named, namedOutput) = await RunAsync("BumpGitOps", "--skip", "--environment", "dev");
        namedOutput.Should().Contain("tag 'abc1234' does not match when.tag");
        named.ExitCode.Should().Be(0, namedOutput);
    }

    [Fact]
    public async Task A_tag_the_image_does_not_have_is_refused()
    {
        await WriteImageRecordAsync(Git("rev-parse", "HEAD"), ["abc1234"]);

        var (outcome, output) = await RunAsync("BumpGitOps", "--skip", "--promote-tag", "9.9-dev");

        outcome.ExitCode.Should().Be(BuildOutcome.Failure);
        output.Should().Contain("--promote-tag 9.9-dev is not a tag of ghcr.io/acme/web");
    }

    private Task WriteImageRecordAsync(string commit, IReadOnlyList<string> tags) =>
        new PinnedImage("ghcr.io/acme/web", tags, Digest.Parse(IndexDigest), "application/vnd.oci.image.index.v1+json",
            [new PinnedPlatform(Platform.LinuxAmd64, Digest.Parse("sha256:" + new string('3', 64)), "application/vnd.oci.image.manifest.v1+json", 500)])
        {
            SourceCommit = commit,
        }.WriteAsync(Path.Combine(_root, "artifacts", "image.json"));

    private async Task<(BuildOutcome Outcome, string Output)> RunAsync(params string[] arguments)
    {
        using var output = new StringWriter();
        var outcome = await BuildEngine.RunAsync(new BumpBuild(), new BuildInvocation(arguments)
        {
            Environment = new Dictionary<string, string>
            {
                ["GITOPS_REPOSITORY"] = "acme/gitops",
                ["GITHUB_API_URL"] = _server.ApiUrl.ToString(),
                ["GITHUB_APP_ID"] = "78",
                ["GITHUB_APP_PRIVATE_KEY"] = _key,
            },
            Output = output,
            WorkingDirectory = _root,
            IsTerminal = false,
        });
        return (outcome, output.ToString());
    }

    private async Task<string> ShowAsync(params string[] what)
    {
        var start = new ProcessStartInfo("git", ["--git-dir", _server.BareRepositoryPath("acme", "gitops"), "show", .. what]) { RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return text;
    }

    private string Git(params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("git", arguments) { WorkingDirectory = _root, RedirectStandardOutput = true })!;
        var text = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        process.ExitCode.Should().Be(0);
        return text;
    }

    public sealed class BumpBuild : PipelineBuild, IBumpGitOps;
}
