using Pipeline.Containers;
using Pipeline.Targets;

namespace Pipeline.Components.Tests.GitOps;

/// <summary>BumpGitOps as a later CI job runs it: from artifacts/image.json, against a GitHub API with an App.</summary>
public sealed class BumpGitOpsTargetTests : IAsyncLifetime
{
    private const string IndexDigest = "sha256:2222222222222222222222222222222222222222222222222222222222222222";
    private GitOpsBuildFixture _gitops = null!;

    public async Task InitializeAsync() => _gitops = await GitOpsBuildFixture.StartAsync(new Dictionary<string, string>
    {
        ["promotion.yaml"] = """
            apps:
              web:
                image: ghcr.io/acme/web
                environments:
                  dev:
                    when: { tag: '.*-dev' }
                    files:
                      - path: dev/values.yaml
                        regex: 'imageTag: "(?<tag>[^"]*)"'
            """,
        ["dev/values.yaml"] = "imageTag: \"0.1-dev\"\n",
    }, appId: 78);

    public async Task DisposeAsync() => await _gitops.DisposeAsync();

    [Fact]
    public async Task The_promotion_names_the_commit_the_image_was_built_from_and_the_tag_asked_for()
    {
        var built = _gitops.Git("rev-parse", "HEAD");
        await WriteImageRecordAsync(built, ["abc1234", "1.2-dev"]);

        var (outcome, output) = await _gitops.RunAsync(new BumpBuild(), "BumpGitOps", "--skip", "--promote-tag", "1.2-dev", "--allow-moved-source");

        outcome.ExitCode.Should().Be(0, output);
        output.Should().MatchRegex(@"writes as\s+GitHub App 78\s+environment variable GITHUB_APP_ID; key from environment variable GITHUB_APP_PRIVATE_KEY", "the settings say who writes, and where that came from");
        (await _gitops.ShowAsync("main:dev/values.yaml")).Should().Be("imageTag: \"1.2-dev\"\n");
        var message = await _gitops.ShowAsync("--no-patch", "--format=%B", "main");
        message.Should().Contain($"Source-Commit: {built}").And.Contain($"Promoted-Image: ghcr.io/acme/web:1.2-dev@{IndexDigest}");
    }

    [Fact]
    public async Task An_image_record_of_an_older_commit_is_refused_before_anything_runs()
    {
        var built = _gitops.Git("rev-parse", "HEAD");
        await WriteImageRecordAsync(built, ["abc1234", "1.2-dev"]);
        _gitops.Commit("chore: a later commit");
        var head = _gitops.Git("rev-parse", "HEAD");

        var (outcome, output) = await _gitops.RunAsync(new BumpBuild(), "BumpGitOps", "--skip", "--promote-tag", "1.2-dev");

        outcome.ExitCode.Should().Be(BuildOutcome.InvalidInvocation, output);
        output.Should().Contain($"artifacts/image.json holds ghcr.io/acme/web:abc1234@{IndexDigest}, built from {built[..12]}, but the checkout is at {head[..12]}.")
            .And.Contain("--image-reference");
        (await _gitops.ShowAsync("main:dev/values.yaml")).Should().Be("imageTag: \"0.1-dev\"\n");
    }

    [Fact]
    public async Task Without_the_tag_the_short_commit_routes_nowhere_and_the_build_says_so()
    {
        await WriteImageRecordAsync(_gitops.Git("rev-parse", "HEAD"), ["abc1234", "1.2-dev"]);

        var (outcome, output) = await _gitops.RunAsync(new BumpBuild(), "BumpGitOps", "--skip");

        outcome.ExitCode.Should().Be(0, output);
        output.Should().Contain($"Nothing promoted: no environment of the spec routes ghcr.io/acme/web:abc1234@{IndexDigest}").And.Contain("--promote-tag");
        (await _gitops.ShowAsync("main:dev/values.yaml")).Should().Be("imageTag: \"0.1-dev\"\n");

        var (named, namedOutput) = await _gitops.RunAsync(new BumpBuild(), "BumpGitOps", "--skip", "--environment", "dev");
        namedOutput.Should().Contain("tag 'abc1234' does not match when.tag");
        named.ExitCode.Should().Be(0, namedOutput);
    }

    [Fact]
    public async Task A_tag_the_image_does_not_have_is_refused()
    {
        await WriteImageRecordAsync(_gitops.Git("rev-parse", "HEAD"), ["abc1234"]);

        var (outcome, output) = await _gitops.RunAsync(new BumpBuild(), "BumpGitOps", "--skip", "--promote-tag", "9.9-dev");

        outcome.ExitCode.Should().Be(BuildOutcome.InvalidInvocation, "the tag is checked before anything runs");
        output.Should().Contain("--promote-tag 9.9-dev is not a tag of ghcr.io/acme/web");
    }

    [Fact]
    public async Task The_dry_run_before_the_build_and_the_promotion_after_it_read_the_repository_through_three_queries_and_commit_with_one_mutation()
    {
        await WriteImageRecordAsync(_gitops.Git("rev-parse", "HEAD"), ["abc1234", "1.2-dev"]);
        var before = _gitops.Server.RequestLog.Count;

        var (outcome, output) = await _gitops.RunAsync(new BumpBuild(), "BumpGitOps", "--skip", "--promote-tag", "1.2-dev", "--allow-moved-source");

        outcome.ExitCode.Should().Be(0, output);
        var requests = _gitops.Server.RequestLog.Skip(before)
            .Where(r => r.Path == "/graphql" || (r.Path.StartsWith("/repos/acme/gitops", StringComparison.Ordinal) && !r.Path.EndsWith("/installation", StringComparison.Ordinal)))
            .Select(r => $"{r.Method} {r.Path} {r.Status}").ToList();
        requests.Should().Equal(["POST /graphql 200", "POST /graphql 200", "POST /graphql 200", "POST /graphql 200"],
            "the dry run reads the spec and then the files it names; the promotion reads the spec it remembers with those files, then commits");
        (await _gitops.ShowAsync("main:dev/values.yaml")).Should().Be("imageTag: \"1.2-dev\"\n");
    }

    [Fact]
    public async Task An_identical_rerun_exits_0_writes_no_commit_and_says_already_promoted()
    {
        await WriteImageRecordAsync(_gitops.Git("rev-parse", "HEAD"), ["abc1234", "1.2-dev"]);
        var (first, firstOutput) = await _gitops.RunAsync(new BumpBuild(), "BumpGitOps", "--skip", "--promote-tag", "1.2-dev");
        var head = await _gitops.ShowAsync("--no-patch", "--format=%H", "main");

        var (again, output) = await _gitops.RunAsync(new BumpBuild(), "BumpGitOps", "--skip", "--promote-tag", "1.2-dev");

        first.ExitCode.Should().Be(0, firstOutput);
        again.ExitCode.Should().Be(0, output);
        output.Should().Contain("already promoted").And.Contain("nothing was written");
        (await _gitops.ShowAsync("--no-patch", "--format=%H", "main")).Should().Be(head);
    }

    [Fact]
    public async Task The_promotion_budget_parameter_bounds_the_retries_and_the_error_says_so()
    {
        await WriteImageRecordAsync(_gitops.Git("rev-parse", "HEAD"), ["abc1234", "1.2-dev"]);
        var head = await _gitops.ShowAsync("--no-patch", "--format=%H", "main");
        _gitops.Server.Faults.Add(new Pipeline.Rehearsal.GitHub.Faults.Fault("PATCH", "/repos/acme/gitops/git/refs/**")
        {
            Status = 422,
            Message = "Update is not a fast forward",
            Times = int.MaxValue,
        });

        var (outcome, output) = await _gitops.RunAsync(new BumpBuild(), "BumpGitOps", "--skip", "--promote-tag", "1.2-dev", "--write-method", "GitData", "--promotion-budget", "2");
        var (invalid, invalidOutput) = await _gitops.RunAsync(new BumpBuild(), "BumpGitOps", "--skip", "--promote-tag", "1.2-dev", "--promotion-budget", "0");

        outcome.ExitCode.Should().Be(BuildOutcome.Failure);
        output.Should().Contain("gave up on main of acme/gitops").And.Contain("the budget of 2 s").And.Contain($"read head {head.Trim()}");
        invalid.ExitCode.Should().Be(BuildOutcome.Failure);
        invalidOutput.Should().Contain("--promotion-budget 0 is not a number of seconds above 0");
        (await _gitops.ShowAsync("--no-patch", "--format=%H", "main")).Should().Be(head);
    }

    private Task WriteImageRecordAsync(string commit, IReadOnlyList<string> tags) =>
        new PinnedImage("ghcr.io/acme/web", tags, Digest.Parse(IndexDigest), "application/vnd.oci.image.index.v1+json",
            [new PinnedPlatform(Platform.LinuxAmd64, Digest.Parse("sha256:" + new string('3', 64)), "application/vnd.oci.image.manifest.v1+json", 500)])
        {
            SourceCommit = commit,
        }.WriteAsync(Path.Combine(_gitops.Root, "artifacts", "image.json"));

    public sealed class BumpBuild : PipelineBuild, IBumpGitOps;
}
