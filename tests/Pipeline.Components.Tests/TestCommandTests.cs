using Pipeline.Components.Tests.Support;
using Pipeline.Targets;

namespace Pipeline.Components.Tests;

/// <summary>Test in a repository that is not .NET: its own command, or a message that says what to set.</summary>
public sealed class TestCommandTests : IDisposable
{
    private readonly BuildRun _run = new();

    [Fact]
    public async Task The_test_command_runs_at_the_root_and_compile_is_skipped_without_a_solution()
    {
        File.WriteAllText(Path.Combine(_run.Root, "check.sh"), "echo \"ran in $(pwd)\" > ran.txt\necho '3 passed, 0 failed'\n");

        var outcome = await _run.RunAsync(new TestBuild(), "Test", "--test-command", "sh check.sh");

        outcome.ExitCode.Should().Be(BuildOutcome.Success, _run.Output);
        File.ReadAllText(Path.Combine(_run.Root, "ran.txt")).Trim().Should().Be($"ran in {_run.Root}");
        _run.Output.Should().Contain("3 passed, 0 failed").And.Contain("test command passed").And.NotContain("--solution");
        outcome.Targets.Single(t => t.Name == "Compile").Status.Should().Be(TargetStatus.Skipped);
        File.ReadAllText(Path.Combine(_run.Root, "artifacts", "test-results", "summary.txt")).Should().Be("sh check.sh: passed\n");
    }

    [Fact]
    public async Task The_test_command_comes_from_parameters_json_too_and_its_failure_fails_test()
    {
        File.WriteAllText(Path.Combine(_run.Root, ".nuke", "parameters.json"), """{ "TestCommand": "echo FAIL: TestAdd; exit 3" }""");

        var outcome = await _run.RunAsync(new TestBuild(), "Test");

        outcome.ExitCode.Should().Be(BuildOutcome.Failure);
        _run.Output.Should().Contain("FAIL: TestAdd").And.Contain("The test command failed with exit code 3: echo FAIL: TestAdd; exit 3");
    }

    [Fact]
    public async Task Without_a_test_command_or_a_solution_test_says_what_to_set_and_no_solution_advice()
    {
        var outcome = await _run.RunAsync(new TestBuild(), "Test");

        outcome.ExitCode.Should().Be(BuildOutcome.Failure);
        _run.Output.Should().Contain("Nothing to test in").And.Contain("--test-command \"go test ./...\"").And.Contain("TEST_COMMAND")
            .And.Contain("\"TestCommand\" in .nuke/parameters.json").And.Contain("--skip Test").And.NotContain("--solution");
    }

    [Fact]
    public async Task Help_in_a_repository_without_a_solution_shows_no_solution_error()
    {
        var outcome = await _run.RunAsync(new TestBuild(), "--help");

        outcome.ExitCode.Should().Be(BuildOutcome.Success);
        _run.Output.Should().Contain("--test-command").And.NotContain("value unavailable");
    }

    [Fact]
    public async Task Compile_alone_without_a_solution_is_skipped_and_says_why()
    {
        var outcome = await _run.RunAsync(new TestBuild(), "Compile");

        outcome.ExitCode.Should().Be(BuildOutcome.Success);
        outcome.Targets.Single().Status.Should().Be(TargetStatus.Skipped);
        _run.Output.Should().Contain("Solution != null");
    }

    public void Dispose() => _run.Dispose();

    private sealed class TestBuild : PipelineBuild, ITest;
}
