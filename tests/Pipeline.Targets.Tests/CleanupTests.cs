using Pipeline.Targets;

namespace Pipeline.Targets.Tests;

public sealed class CleanupTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Cleanups_run_after_every_target_in_reverse_order_even_after_a_failure()
    {
        var build = new CleanupBuild();
        var outcome = _harness.Run(build, "Fail");

        outcome.ExitCode.Should().Be(BuildOutcome.Failure);
        build.Events.Should().Equal("start registry", "start engine", "fail", "stop engine", "stop registry");
        _harness.Output.Should().Contain("warning: A cleanup at the end of the build failed: InvalidOperationException: engine would not stop");
    }

    public sealed class CleanupBuild : PipelineBuild
    {
        public List<string> Events { get; } = [];

        public Target Registry => _ => _.Executes(context =>
        {
            Events.Add("start registry");
            context.OnBuildFinished(() => { Events.Add("stop registry"); return Task.CompletedTask; });
        });

        public Target Engine => _ => _.DependsOn(Registry).Executes(context =>
        {
            Events.Add("start engine");
            context.OnBuildFinished(() =>
            {
                Events.Add("stop engine");
                throw new InvalidOperationException("engine would not stop");
            });
        });

        public Target Fail => _ => _.DependsOn(Engine).Executes(() =>
        {
            Events.Add("fail");
            throw new InvalidOperationException("boom");
        });
    }
}
