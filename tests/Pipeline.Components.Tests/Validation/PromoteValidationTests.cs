using Pipeline.Components.Tests.Support;
using Pipeline.Targets;

namespace Pipeline.Components.Tests.Validation;

/// <summary>The first hour's mistakes fail before anything is built, each with its parameter, variable and fix.</summary>
public sealed class PromoteValidationTests : IAsyncLifetime
{
    private PromoteFixture _fixture = null!;

    public async Task InitializeAsync() => _fixture = await PromoteFixture.CreateAsync();

    public Task DisposeAsync()
    {
        _fixture.Dispose();
        return Task.CompletedTask;
    }

    private string Output => _fixture.Run.Output;

    [Fact]
    public async Task A_bad_image_reference_fails_before_any_target_and_says_where_it_came_from()
    {
        var outcome = await _fixture.PromoteAsync("--image", "bad ref");

        outcome.ExitCode.Should().Be(BuildOutcome.InvalidInvocation, Output);
        outcome.Targets.Should().BeEmpty();
        Output.Should().Contain("BuildMultiArchImage: --image 'bad ref' is not an image repository")
            .And.Contain("--image (env IMAGE): 'bad ref', from the command line")
            .And.Contain("fix: give the repository to push to, without tag or digest, e.g. --image ghcr.io/org/app");
        _fixture.Exists("artifacts/image.json").Should().BeFalse();
    }

    [Fact]
    public async Task Every_problem_is_listed_at_once_a_missing_context_and_a_missing_push_and_gitops_credential()
    {
        _fixture.Write(".nuke/parameters.json", """{ "GitOpsRepository": "org/gitops" }""");

        var outcome = await _fixture.PromoteAsync("--image", "ghcr.io/org/app", "--context", "nowhere", "--gitops-repository", "org/gitops");

        outcome.ExitCode.Should().Be(BuildOutcome.InvalidInvocation, Output);
        Output.Should().Contain("This invocation has 3 problems; nothing ran:")
            .And.Contain("BuildMultiArchImage: pushing to ghcr.io needs a credential, and none is set.")
            .And.Contain("--registry-password (env REGISTRY_PASSWORD): secret, not set")
            .And.Contain("BuildMultiArchImage: the build context nowhere does not exist.")
            .And.Contain("--context (env CONTEXT): '")
            .And.Contain("BumpGitOps: writing to org/gitops needs a credential, and none is set.")
            .And.Contain("--github-app-id (env GITHUB_APP_ID): not set")
            .And.Contain("--gitops-token (env GITOPS_TOKEN): secret, not set")
            .And.Contain("environment variable GITHUB_TOKEN: not set")
            .And.Contain("fix: set --github-app-id and --github-app-private-key");
    }

    [Fact]
    public async Task A_dockerfile_mistake_fails_before_the_tests_with_its_line_and_a_file_an_earlier_target_writes_does_not()
    {
        _fixture.Write("app/Dockerfile", "FROM scratch\n# the binary, published by the tests\nCOPY out/app /app\nENTRYPONT [\"/app\"]\n");

        var outcome = await _fixture.PromoteAsync();

        outcome.ExitCode.Should().Be(BuildOutcome.InvalidInvocation, Output);
        outcome.Targets.Should().BeEmpty();
        Output.Should().Contain("BuildMultiArchImage: Dockerfile:4: unknown instruction 'ENTRYPONT'; check its spelling.")
            .And.Contain("fix: fix the Dockerfile; every builder stops here.")
            .And.NotContain("out/app", "out/app is not there yet, and an earlier target may write it");
        _fixture.Exists("artifacts/image.json").Should().BeFalse();
    }

    [Fact]
    public async Task The_direct_strategy_refuses_a_RUN_before_anything_runs_and_auto_accepts_it()
    {
        _fixture.Write("app/Dockerfile", "FROM scratch\nCOPY . /\nRUN [\"/app\", \"--self-test\"]\n");

        var direct = await _fixture.PromoteAsync("--build-strategy", "Direct");

        direct.ExitCode.Should().Be(BuildOutcome.InvalidInvocation, Output);
        direct.Targets.Should().BeEmpty();
        Output.Should().Contain("BuildMultiArchImage: Dockerfile:3: RUN executes a command in a container, which needs an engine")
            .And.Contain("--build-strategy (env BUILD_STRATEGY): 'Direct', from the command line")
            .And.Contain("fix: pass --build-strategy auto (or engine, buildx), which builds this Dockerfile with a Docker engine.");

        await _fixture.PromoteAsync("--plan");

        Output.Should().Contain("Execution plan for Promote:").And.MatchRegex(@"image build +with a Docker engine \(Dockerfile:3 needs one\)")
            .And.NotContain("problem", "auto hands the RUN to an engine");
    }

    [Fact]
    public async Task An_image_that_no_app_deploys_fails_before_the_build()
    {
        var outcome = await _fixture.PromoteAsync("--image", "localhost:5999/other");

        outcome.ExitCode.Should().Be(BuildOutcome.InvalidInvocation, Output);
        Output.Should().Contain("BumpGitOps: No app in").And.Contain("deploys localhost:5999/other")
            .And.Contain("--image (env IMAGE): 'localhost:5999/other', from the command line");
    }

    [Fact]
    public async Task A_selector_that_matches_nothing_fails_before_the_build()
    {
        _fixture.Write("gitops/promotion.yaml", PromoteFixture.Spec.Replace("container: app", "container: missing", StringComparison.Ordinal));

        var outcome = await _fixture.PromoteAsync();

        outcome.ExitCode.Should().Be(BuildOutcome.InvalidInvocation, Output);
        Output.Should().Contain("BumpGitOps: ").And.Contain("deploy.yaml").And.Contain("missing")
            .And.Contain("fix: correct the selector in promotion.yaml");
        _fixture.Read("gitops/deploy.yaml").Should().Be(PromoteFixture.Deployment + "\n");
    }

    [Fact]
    public async Task A_yaml_error_in_promotion_yaml_names_file_line_and_column()
    {
        _fixture.Write("gitops/promotion.yaml", "apps:\n  app: { image: localhost:5999/app\n");

        var outcome = await _fixture.PromoteAsync();

        outcome.ExitCode.Should().Be(BuildOutcome.InvalidInvocation, Output);
        Output.Should().MatchRegex(@"BumpGitOps: \S*gitops\S*promotion\.yaml:2:8: not valid YAML \(the '\{' opened here is never closed")
            .And.Contain("fix: correct promotion.yaml at line 2, column 8");
    }

    [Fact]
    public async Task Plan_shows_the_settings_with_their_sources_and_the_same_validation()
    {
        _fixture.Write(".nuke/parameters.json", """{ "GitOpsBranch": "main" }""");

        var outcome = await _fixture.PromoteAsync("--plan", "Promote", "--skip", "Test", "--image", "bad ref");

        outcome.ExitCode.Should().Be(BuildOutcome.InvalidInvocation, Output);
        Output.Should().Contain("Execution plan for Promote:")
            .And.MatchRegex(@"GitOps repository\s+gitops, directory\s+command line")
            .And.MatchRegex(@"GitOps branch\s+main\s+\.nuke/parameters\.json")
            .And.MatchRegex(@"write method\s+Worktree\s+default for a directory")
            .And.Contain("a run would stop before the first target (exit code 2)")
            .And.Contain("--image 'bad ref' is not an image repository");
    }
}
