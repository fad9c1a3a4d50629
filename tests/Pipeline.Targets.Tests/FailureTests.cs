using Pipeline.Targets;

namespace Pipeline.Targets.Tests;

public sealed class FailureTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void ProceedAfterFailure_goes_on_with_independent_targets_and_marks_dependents_NotRun()
    {
        var build = new FailureBuild();
        var outcome = _harness.Run(build, "All");

        outcome.ExitCode.Should().Be(BuildOutcome.Failure);
        build.Ran.Should().Equal("Setup", "Flaky", "Independent", "Broken", "Cleanup");
        outcome["Flaky"]!.Status.Should().Be(TargetStatus.Failed);
        outcome["Flaky"]!.Reason.Should().Be("flaky broke");
        outcome["AfterFlaky"]!.Status.Should().Be(TargetStatus.NotRun);
        outcome["AfterFlaky"]!.Reason.Should().Be("dependency Flaky did not succeed");
        outcome["Later"]!.Status.Should().Be(TargetStatus.NotRun);
        outcome["Later"]!.Reason.Should().Be("an earlier target failed");
        outcome["Cleanup"]!.Status.Should().Be(TargetStatus.Succeeded);
        outcome["All"]!.Status.Should().Be(TargetStatus.NotRun);
    }

    [Fact]
    public void Errors_are_repeated_before_the_summary_and_the_last_line_says_failed()
    {
        _harness.Run(new FailureBuild(), "All");

        var lines = _harness.Lines;
        var repeated = Array.IndexOf(lines, "Warnings and errors:");
        repeated.Should().BeGreaterThan(0);
        lines[repeated + 1].Should().Be("  error: [Flaky] InvalidOperationException: flaky broke");
        lines[repeated + 2].Should().Be("  error: [Broken] InvalidOperationException: broken for good");
        lines.Should().Contain(l => l.StartsWith("Later ", StringComparison.Ordinal) && l.Contains("NotRun") && l.Contains("an earlier target failed"));
        lines[^1].Should().StartWith("Build failed after");
    }

    [Fact]
    public async Task Cancellation_aborts_the_running_target_and_still_runs_assured_targets()
    {
        var build = new SlowBuild();
        using var cancellation = new CancellationTokenSource();
        var running = _harness.RunAsync(build, cancellation.Token, "All");
        await build.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        cancellation.Cancel();
        var outcome = await running.WaitAsync(TimeSpan.FromSeconds(30));

        outcome.ExitCode.Should().Be(BuildOutcome.Cancelled);
        outcome["Slow"]!.Status.Should().Be(TargetStatus.Aborted);
        outcome["Next"]!.Status.Should().Be(TargetStatus.NotRun);
        outcome["Cleanup"]!.Status.Should().Be(TargetStatus.Succeeded);
        _harness.Lines[^1].Should().StartWith("Build cancelled");
    }

    [Fact]
    public void A_successful_build_exits_zero_and_says_so_last()
    {
        var outcome = _harness.Run(new ChainBuild(), "Compile");

        outcome.ExitCode.Should().Be(0);
        _harness.Lines[^1].Should().StartWith("Build succeeded in");
        _harness.Output.Should().Contain("── Compile ─");
    }

    public sealed class SlowBuild : PipelineBuild
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Target Slow => _ => _.Executes(async context =>
        {
            Started.SetResult();
            await Task.Delay(TimeSpan.FromMinutes(5), context.CancellationToken);
        });

        public Target Next => _ => _.DependsOn(Slow).Executes(() => { });
        public Target Cleanup => _ => _.After(Next).AssuredAfterFailure().Executes(() => { });
        public Target All => _ => _.DependsOn(Next, Cleanup);
    }
}
