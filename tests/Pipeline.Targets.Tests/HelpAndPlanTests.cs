using Pipeline.Targets;

namespace Pipeline.Targets.Tests;

public sealed class HelpAndPlanTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Help_lists_targets_with_dependencies_and_parameters_with_type_env_and_value_hiding_secrets()
    {
        _harness.Environment["PASSWORD"] = "hunter2";
        var outcome = _harness.Run(new ParameterBuild(), "--help", "--image-name", "web");

        outcome.ExitCode.Should().Be(0);
        _harness.Output.Should().NotContain("hunter2");
        Golden.Match(_harness.Output, "help.txt");
    }

    [Fact]
    public void Help_hides_unlisted_targets()
    {
        _harness.Run(new ChainBuild(), "--help");

        _harness.Lines.Should().NotContain(l => l.TrimStart(' ', '*').StartsWith("Lint", StringComparison.Ordinal))
            .And.Contain(l => l.TrimStart(' ', '*').StartsWith("Compile", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_shows_order_skips_and_a_mermaid_graph_without_running_anything()
    {
        var build = new ChainBuild();
        var outcome = _harness.Run(build, "--plan", "Publish", "Pack", "--skip", "Restore");

        outcome.ExitCode.Should().Be(0);
        build.Ran.Should().BeEmpty();
        Golden.Match(_harness.Output, "plan.txt");
    }
}
