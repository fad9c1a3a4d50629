using Pipeline.Targets;

namespace Pipeline.Targets.Tests;

public sealed class ContinueTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Continue_skips_what_succeeded_in_the_previous_identical_invocation()
    {
        var first = new FlakyOnceBuild { FailPublish = true };
        _harness.Run(first, "Publish", "--label", "x").ExitCode.Should().Be(BuildOutcome.Failure);
        first.Ran.Should().Equal("Compile", "Publish");

        var second = new FlakyOnceBuild();
        var outcome = _harness.Run(second, "Publish", "--label", "x", "--continue");

        outcome.ExitCode.Should().Be(0);
        second.Ran.Should().Equal("Publish");
        outcome["Compile"]!.Reason.Should().Be("succeeded in the previous attempt (--continue)");
    }

    [Fact]
    public void Continue_after_a_different_invocation_runs_everything()
    {
        _harness.Run(new FlakyOnceBuild { FailPublish = true }, "Publish", "--label", "x");

        var second = new FlakyOnceBuild();
        _harness.Run(second, "Publish", "--label", "y", "--continue");

        second.Ran.Should().Equal("Compile", "Publish");
    }

    public sealed class FlakyOnceBuild : RecordingBuild
    {
        [Parameter("A label.")]
        public readonly string? Label;

        public bool FailPublish { get; init; }

        public Target Compile => _ => _.Executes(() => Record(nameof(Compile)));

        public Target Publish => _ => _.DependsOn(Compile).Executes(() =>
        {
            Record(nameof(Publish));
            if (FailPublish)
                throw new InvalidOperationException("network down");
        });
    }
}
