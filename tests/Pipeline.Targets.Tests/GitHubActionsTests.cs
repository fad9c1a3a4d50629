using Pipeline.Targets;

namespace Pipeline.Targets.Tests;

public sealed class GitHubActionsTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    public GitHubActionsTests()
    {
        _harness.Environment["GITHUB_ACTIONS"] = "true";
        _harness.Environment["GITHUB_OUTPUT"] = Path.Combine(_harness.Root, "github-output");
        _harness.Environment["GITHUB_STEP_SUMMARY"] = Path.Combine(_harness.Root, "step-summary.md");
    }

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Secrets_are_masked_before_anything_else_is_printed()
    {
        _harness.Environment["REGISTRY_TOKEN"] = "env-secret-value";
        _harness.Run(new ParameterBuild(), "Push", "--password", "line-one\nline-two", "--retries", "bad");

        var lines = _harness.Lines;
        lines.Take(3).Should().BeEquivalentTo(["::add-mask::line-one", "::add-mask::line-two", "::add-mask::env-secret-value"]);
        lines.Skip(3).Should().NotContain(l => l.Contains("env-secret-value") || l.Contains("line-one"));
        lines.Should().Contain(l => l.StartsWith("::error::This invocation has a problem; nothing ran:%0A  1. Invalid value for parameter Retries", StringComparison.Ordinal));
    }

    [Fact]
    public void Targets_run_in_groups_and_failures_become_error_annotations()
    {
        _harness.Run(new FailureBuild(), "Broken");

        var lines = _harness.Lines;
        lines.Should().ContainInOrder("::group::Setup", "::endgroup::", "::group::Independent", "::endgroup::", "::group::Broken");
        lines.Should().Contain("::error title=Broken::InvalidOperationException: broken for good");
    }

    [Fact]
    public void Outputs_are_written_multi_line_safe_and_the_summary_as_markdown()
    {
        _harness.Environment["REGISTRY_TOKEN"] = "t";
        var outcome = _harness.Run(new ParameterBuild(), "Push", "--registry", "ghcr.io/acme");

        outcome.ExitCode.Should().Be(0);
        var output = File.ReadAllText(_harness.Environment["GITHUB_OUTPUT"]).Split('\n');
        output[0].Should().MatchRegex("^pushed<<ghadelimiter_[0-9a-f]{32}$");
        var delimiter = output[0]["pushed<<".Length..];
        output[1..4].Should().Equal("ghcr.io/acme/app", "second line", delimiter);

        var summary = File.ReadAllText(_harness.Environment["GITHUB_STEP_SUMMARY"]);
        summary.Should().StartWith("### Build succeeded")
            .And.Contain("| Target | Status | Duration | Details |")
            .And.Contain("| Push | Succeeded |")
            .And.Contain("registry: ghcr.io/acme")
            .And.Contain("#### Pushed\n\nto the registry");
    }
}
