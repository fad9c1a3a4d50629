using Pipeline.Targets;

namespace Pipeline.Targets.Tests;

public sealed class WorkflowTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Workflows_are_generated_from_the_build_and_rewritten_only_when_they_change()
    {
        var outcome = _harness.Run(new WorkflowBuild(), "--help");

        outcome.ExitCode.Should().Be(0, _harness.Output);
        var path = Path.Combine(_harness.Root, ".github", "workflows", "release.yml");
        Golden.Match(File.ReadAllText(path), "release.yml");

        File.SetLastWriteTimeUtc(path, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        _harness.Run(new WorkflowBuild(), "--help");
        File.GetLastWriteTimeUtc(path).Year.Should().Be(2020);
    }

    [Fact]
    public void An_expression_in_a_run_argument_is_refused()
    {
        var build = new WorkflowBuild { Unsafe = true };
        var outcome = _harness.Run(build, "--help");

        outcome.ExitCode.Should().Be(BuildOutcome.InvalidInvocation);
        _harness.Output.Should().Contain("argument '${{ github.event.client_payload.tag }}' would be interpolated into the run script");
        File.Exists(Path.Combine(_harness.Root, ".github", "workflows", "release.yml")).Should().BeFalse();
    }

    [Fact]
    public void An_unknown_target_in_a_job_is_refused()
    {
        var outcome = _harness.Run(new WorkflowBuild { Target = "Shipp" }, "--help");

        outcome.ExitCode.Should().Be(BuildOutcome.InvalidInvocation);
        _harness.Output.Should().Contain("Workflow release, job ship: target 'Shipp' does not exist.");
    }

    public sealed class WorkflowBuild : PipelineBuild, IHaveGitHubWorkflows
    {
        public bool Unsafe { get; init; }
        public string Target { get; init; } = "Ship";

        public Target Compile => _ => _.Executes(() => { });
        public Target Ship => _ => _.DependsOn(Compile).Executes(context => context.SetOutput("digest", "sha256:x"));

        public IEnumerable<GitHubWorkflow> GitHubWorkflows =>
        [
            new("release", "release")
            {
                On = new WorkflowTriggers { PushBranches = ["main"], WorkflowDispatch = true },
                ConcurrencyGroup = "release-main",
                Jobs =
                [
                    new GitHubJob("compile", ["Compile"]) { Uploads = [new ArtifactTransfer("bin", "artifacts/bin")] },
                    new GitHubJob("ship", [Target])
                    {
                        Needs = ["compile"],
                        SkipDependencies = true,
                        RunsOn = "${{ matrix.runner }}",
                        Matrix = [new Dictionary<string, string> { ["platform"] = "linux/amd64", ["runner"] = "ubuntu-24.04" }],
                        Arguments = Unsafe ? ["--tag", "${{ github.event.client_payload.tag }}"] : ["--verbosity", "verbose"],
                        Environment = new Dictionary<string, string> { ["PLATFORMS"] = "${{ matrix.platform }}", ["TOKEN"] = "${{ secrets.TOKEN }}" },
                        Downloads = [new ArtifactTransfer("bin", "artifacts/bin")],
                        Outputs = new Dictionary<string, string> { ["digest"] = "digest" },
                        Permissions = new Dictionary<string, string> { ["packages"] = "write" },
                    },
                ],
            },
        ];
    }
}
