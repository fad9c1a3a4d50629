using Pipeline.Targets;

namespace Pipeline.Targets.Tests;

public sealed class SkipTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Skip_with_names_skips_those_targets_with_the_reason()
    {
        var build = new ChainBuild();
        var outcome = _harness.Run(build, "Test", "--skip", "restore");

        build.Ran.Should().Equal("Lint", "Compile", "Test");
        outcome["Restore"]!.Status.Should().Be(TargetStatus.Skipped);
        outcome["Restore"]!.Reason.Should().Be("--skip");
    }

    [Fact]
    public void Bare_skip_skips_everything_that_was_not_invoked()
    {
        var build = new ChainBuild();
        var outcome = _harness.Run(build, "Test", "--skip");

        build.Ran.Should().Equal("Test");
        outcome.Targets.Where(t => t.Name != "Test").Should().OnlyContain(t => t.Status == TargetStatus.Skipped);
    }

    [Fact]
    public void A_false_static_condition_skips_with_its_source_text_and_takes_dependencies_along()
    {
        var build = new ConditionBuild { Deploy = false };
        var outcome = _harness.Run(build, "Everything");

        outcome["Package"]!.Status.Should().Be(TargetStatus.Skipped);
        outcome["Package"]!.Reason.Should().Be("condition false: Deploy");
        outcome["Prepare"]!.Reason.Should().Be("dependency of skipped target Package");
        // Shared is still needed by Verify, which runs.
        build.Ran.Should().Contain("Shared").And.NotContain("Prepare");
        _harness.Output.Should().Contain("condition false: Deploy");
    }

    [Fact]
    public void A_dynamic_condition_is_evaluated_just_before_the_target()
    {
        var build = new ConditionBuild { Deploy = true };
        var outcome = _harness.Run(build, "Everything");

        // Verify flips Late to false before Announce runs.
        outcome["Announce"]!.Status.Should().Be(TargetStatus.Skipped);
        outcome["Announce"]!.Reason.Should().Be("condition false: Late");
        build.Ran.Should().Equal("Prepare", "Shared", "Package", "Verify", "Everything");
        outcome.ExitCode.Should().Be(0);
    }

    [Fact]
    public void Skip_from_a_parameters_file_applies_when_the_command_line_has_none()
    {
        _harness.WriteFile(".nuke/parameters.json", """{ "Skip": ["Restore"] }""");
        var build = new ChainBuild();
        _harness.Run(build, "Compile");

        build.Ran.Should().Equal("Lint", "Compile");
    }
}
