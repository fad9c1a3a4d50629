using Pipeline.Targets;

namespace Pipeline.Targets.Tests;

public sealed class PlannerTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Dependencies_run_first_in_declaration_order()
    {
        var build = new ChainBuild();
        var outcome = _harness.Run(build, "Compile");

        outcome.ExitCode.Should().Be(0);
        build.Ran.Should().Equal("Restore", "Lint", "Compile");
    }

    [Fact]
    public void DependentFor_pulls_the_target_in_before_its_dependent()
    {
        var build = new ChainBuild();
        _harness.Run(build, "compile");

        build.Ran.IndexOf("Lint").Should().BeLessThan(build.Ran.IndexOf("Compile"));
    }

    [Fact]
    public void After_and_Before_only_order_and_pull_nothing_in()
    {
        var build = new ChainBuild();
        _harness.Run(build, "Test");
        build.Ran.Should().NotContain("Clean");

        build = new ChainBuild();
        _harness.Run(build, "Test", "Clean");
        build.Ran.IndexOf("Clean").Should().BeLessThan(build.Ran.IndexOf("Test"));

        build = new ChainBuild();
        _harness.Run(build, "Publish", "Pack");
        build.Ran.IndexOf("Pack").Should().BeLessThan(build.Ran.IndexOf("Publish"));
    }

    [Fact]
    public void Triggers_and_TriggeredBy_run_after_the_triggering_target()
    {
        var build = new ChainBuild();
        _harness.Run(build, "Publish");
        build.Ran.Should().EndWith("Notify");
        build.Ran.IndexOf("Publish").Should().BeLessThan(build.Ran.IndexOf("Notify"));

        build = new ChainBuild();
        _harness.Run(build, "Pack");
        build.Ran.Should().Equal("Restore", "Lint", "Compile", "Pack", "Audit");
    }

    [Fact]
    public void Plans_are_deterministic()
    {
        var first = new ChainBuild();
        _harness.Run(first, "Publish", "Pack", "Clean");
        var second = new ChainBuild();
        _harness.Run(second, "Publish", "Pack", "Clean");

        first.Ran.Should().Equal(second.Ran);
        first.Ran.Should().Equal("Restore", "Lint", "Compile", "Clean", "Test", "Pack", "Publish", "Notify", "Audit");
    }

    [Fact]
    public void Names_match_case_insensitively_with_dashes_ignored_and_via_target_option()
    {
        var build = new ChainBuild();
        var outcome = _harness.Run(build, "--target", "com-PILE");

        outcome.ExitCode.Should().Be(0);
        build.Ran.Should().Contain("Compile");
    }

    [Fact]
    public void A_cycle_is_an_error_that_names_the_cycle()
    {
        var build = new CycleBuild();
        var outcome = _harness.Run(build, "A");

        outcome.ExitCode.Should().Be(BuildOutcome.InvalidInvocation);
        build.Ran.Should().BeEmpty();
        _harness.Output.Should().Contain("Circular dependency between targets: A -> B -> C -> A");
    }

    [Fact]
    public void An_unknown_target_lists_the_targets_and_suggests_the_nearest()
    {
        var build = new ChainBuild();
        var outcome = _harness.Run(build, "Compil");

        outcome.ExitCode.Should().Be(BuildOutcome.InvalidInvocation);
        build.Ran.Should().BeEmpty();
        _harness.Output.Should().Contain("Target 'Compil' does not exist. Did you mean 'Compile'?")
            .And.Contain("Targets: Clean, Restore, Compile, Test, Pack, Publish, Notify, Audit.");
        _harness.Lines[^1].Should().StartWith("Build failed");
    }
}

public sealed class ComponentReferenceTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void A_class_target_can_depend_on_a_component_target_by_interface()
    {
        _harness.Environment["REGISTRY_TOKEN"] = "t";
        var outcome = _harness.Run(new ParameterBuild(), "Release", "--image-name", "x");

        outcome.ExitCode.Should().Be(0, _harness.Output);
        outcome.Targets.Select(t => t.Name).Should().Equal("Push", "Release");
    }

    [Fact]
    public void Naming_a_component_the_build_does_not_implement_is_an_error()
    {
        var outcome = _harness.Run(new WrongComponentBuild(), "Go");

        outcome.ExitCode.Should().Be(BuildOutcome.InvalidInvocation);
        _harness.Output.Should().Contain("WrongComponentBuild names a target of IPush, which it does not implement; add IPush to its interfaces.");
    }

    public sealed class WrongComponentBuild : PipelineBuild
    {
        public Target Go => _ => _.DependsOn<IPush>(x => x.Push).Executes(() => { });
    }
}

public interface ICheck : IPipelineBuild
{
    Target Check => _ => _.Description("The component's check.").Executes(() => throw new InvalidOperationException("the component's own check ran"));

    Target Ship => _ => _.DependsOn(Check).Executes(() => { });
}

public sealed class OverrideTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void A_build_replaces_a_component_target_by_implementing_it_explicitly()
    {
        var build = new OverridingBuild();
        var outcome = _harness.Run(build, "Ship");

        outcome.ExitCode.Should().Be(0, _harness.Output);
        build.Checked.Should().BeTrue();
        outcome.Targets.Select(t => t.Name).Should().Equal("Check", "Ship");
    }

    public sealed class OverridingBuild : PipelineBuild, ICheck
    {
        public bool Checked { get; private set; }

        Target ICheck.Check => _ => _.Description("npm test, for a build that is not .NET.").Executes(() => Checked = true);
    }
}
