using Pipeline.Containers;
using Pipeline.Targets;

namespace Pipeline.Components.Tests.GitOps;

/// <summary>BumpGitOps refusing, as a CI job sees it: a non-zero exit, the reason in the output, nothing written.</summary>
public sealed class BumpGitOpsRefusalTests : IAsyncLifetime
{
    private const string IndexDigest = "sha256:4444444444444444444444444444444444444444444444444444444444444444";
    private GitOpsBuildFixture _gitops = null!;

    public async Task InitializeAsync() => _gitops = await GitOpsBuildFixture.StartAsync(new Dictionary<string, string>
    {
        ["promotion.yaml"] = """
            apps:
              web:
                image: ghcr.io/acme/web
                environments:
                  dev:
                    files:
                      - path: dev/values.yaml
                        helm: image.tag
                  nothing:
                    files:
                      - path: dev/values.yaml
                        helm: image.missingTag
                  several:
                    files:
                      - path: dev/several.yaml
                        regex: 'tag: "(?<tag>[^"]*)"'
                        expectedMatches: 1
            """,
        ["dev/values.yaml"] = "image:\n  tag: \"0.1\"\n",
        ["dev/several.yaml"] = "a:\n  tag: \"0.1\"\nb:\n  tag: \"0.1\"\n",
    }, appId: 79);

    public async Task DisposeAsync() => await _gitops.DisposeAsync();

    [Fact]
    public async Task BumpGitOps_aborts_before_any_write_when_the_source_branch_moved_while_building()
    {
        var built = _gitops.Git("rev-parse", "HEAD");
        await WriteImageRecordAsync(built);
        _gitops.Commit("feat: pushed while the image was building");
        var moved = _gitops.Git("rev-parse", "HEAD");

        // As on GitHub Actions: the job's checkout stays at the commit it built (detached), while main moved on.
        _gitops.Git("checkout", "--quiet", "--detach", built);
        var head = await _gitops.Server.BranchHeadAsync("acme", "gitops", "main");

        var (outcome, output) = await _gitops.RunAsync(new BumpBuild(), new Dictionary<string, string> { ["GITHUB_REF_NAME"] = "main" }, "BumpGitOps", "--skip", "--environment", "dev");

        outcome.ExitCode.Should().NotBe(0, output);
        output.Should().Contain($"moved on to {moved} while {built} was being built").And.Contain("--allow-moved-source");
        (await _gitops.Server.BranchHeadAsync("acme", "gitops", "main")).Should().Be(head);
    }

    [Fact]
    public async Task BumpGitOps_with_a_selector_matching_nothing_exits_non_zero_names_the_selector_and_writes_nothing()
    {
        await WriteImageRecordAsync(_gitops.Git("rev-parse", "HEAD"));
        var head = await _gitops.Server.BranchHeadAsync("acme", "gitops", "main");

        var (outcome, output) = await _gitops.RunAsync(new BumpBuild(), "BumpGitOps", "--skip", "--environment", "nothing");

        outcome.ExitCode.Should().NotBe(0, output);
        output.Should().Contain("dev/values.yaml").And.Contain("image.missingTag").And.Contain("matched nothing");
        (await _gitops.Server.BranchHeadAsync("acme", "gitops", "main")).Should().Be(head);
    }

    [Fact]
    public async Task BumpGitOps_with_a_selector_matching_several_values_exits_non_zero_names_the_selector_and_writes_nothing()
    {
        await WriteImageRecordAsync(_gitops.Git("rev-parse", "HEAD"));
        var head = await _gitops.Server.BranchHeadAsync("acme", "gitops", "main");

        var (outcome, output) = await _gitops.RunAsync(new BumpBuild(), "BumpGitOps", "--skip", "--environment", "several");

        outcome.ExitCode.Should().NotBe(0, output);
        output.Should().Contain("dev/several.yaml").And.Contain("matched 2 locations, expected 1").And.Contain("tag: \"(?<tag>");
        (await _gitops.Server.BranchHeadAsync("acme", "gitops", "main")).Should().Be(head);
    }

    [Fact]
    public async Task BumpGitOps_from_a_shallow_checkout_refuses_an_older_source_than_the_pin_even_with_allow_moved_source()
    {
        var older = _gitops.Git("rev-parse", "HEAD");
        var scratch = Directory.CreateTempSubdirectory("pipeline-shallow-").FullName;
        try
        {
            var bare = Path.Combine(scratch, "source.git");
            Run(scratch, "clone", "--quiet", "--bare", _gitops.Root, bare);
            Run(scratch, "clone", "--quiet", "--depth", "1", "file://" + bare, "shallow");
            Directory.Delete(Path.Combine(_gitops.Root, ".git"), recursive: true);
            Directory.Move(Path.Combine(scratch, "shallow", ".git"), Path.Combine(_gitops.Root, ".git"));
            Run(scratch, "clone", "--quiet", bare, "work");
            Run(Path.Combine(scratch, "work"), "-c", "user.name=t", "-c", "user.email=t@t", "commit", "--quiet", "--allow-empty", "-m", "feat: newer");
            Run(Path.Combine(scratch, "work"), "push", "--quiet", "origin", "HEAD:main");
            var newer = Run(Path.Combine(scratch, "work"), "rev-parse", "HEAD");

            // The newer commit's own job pins first, from a shallow checkout of that commit.
            _gitops.Git("fetch", "--quiet", "--depth", "1", "origin", "main");
            _gitops.Git("checkout", "--quiet", "--detach", newer);
            await WriteImageRecordAsync(newer, "1.3");
            var pinned = await _gitops.RunAsync(new BumpBuild(), "BumpGitOps", "--skip", "--environment", "dev");
            pinned.Outcome.ExitCode.Should().Be(0, pinned.Output);
            var head = await _gitops.Server.BranchHeadAsync("acme", "gitops", "main");
            _gitops.Git("checkout", "--quiet", "--detach", older);
            _gitops.Git("rev-parse", "--is-shallow-repository").Should().Be("true");
            await WriteImageRecordAsync(older);

            var (outcome, output) = await _gitops.RunAsync(new BumpBuild(), "BumpGitOps", "--skip", "--environment", "dev", "--allow-moved-source");

            outcome.ExitCode.Should().NotBe(0, output);
            output.Should().Contain($"built from {newer}, which is newer than {older}").And.Contain("--rollback");
            (await _gitops.Server.BranchHeadAsync("acme", "gitops", "main")).Should().Be(head);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static string Run(string directory, params string[] arguments) =>
        ProcessRunner.RunAsync(new ProcessRequest("git", arguments) { WorkingDirectory = directory }).GetAwaiter().GetResult().Text.Trim();

    private Task WriteImageRecordAsync(string commit, string tag = "1.2") =>
        new PinnedImage("ghcr.io/acme/web", [tag], Digest.Parse(tag == "1.2" ? IndexDigest : "sha256:" + new string('6', 64)), "application/vnd.oci.image.index.v1+json",
            [new PinnedPlatform(Platform.LinuxAmd64, Digest.Parse("sha256:" + new string('5', 64)), "application/vnd.oci.image.manifest.v1+json", 500)])
        {
            SourceCommit = commit,
        }.WriteAsync(Path.Combine(_gitops.Root, "artifacts", "image.json"));

    public sealed class BumpBuild : PipelineBuild, IBumpGitOps;
}
