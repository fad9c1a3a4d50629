using Pipeline.Components.Tests.Support;
using Pipeline.Targets;

namespace Pipeline.Components.Tests;

public sealed class TestProgressTests : IDisposable
{
    private readonly BuildRun _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public async Task Each_finished_test_project_gets_a_line_with_its_counts_and_what_still_runs()
    {
        var outcome = await _run.RunAsync(new FeedBuild(), "Feed");

        outcome.ExitCode.Should().Be(0, _run.Output);
        _run.Output.Should().Contain("Pipeline.Targets.Tests: 59 passed, 0 failed, 0 skipped in 3 m 32 s; 1 test project(s) finished, running Pipeline.GitHub.Tests")
            .And.Contain("Pipeline.GitHub.Tests: 310 passed, 2 failed, 4 skipped in 41 s; 2 test project(s) finished");
    }

    private sealed class FeedBuild : PipelineBuild
    {
        public Target Feed => _ => _.Executes(context =>
        {
            var progress = new TestProgress(context);
            foreach (var line in new[]
            {
                "Test run for /repo/tests/Pipeline.Targets.Tests/bin/Debug/net10.0/Pipeline.Targets.Tests.dll (.NETCoreApp,Version=v10.0)",
                "Test run for /repo/tests/Pipeline.GitHub.Tests/bin/Debug/net10.0/Pipeline.GitHub.Tests.dll (.NETCoreApp,Version=v10.0)",
                "Starting test execution, please wait...",
                "Passed!  - Failed:     0, Passed:    59, Skipped:     0, Total:    59, Duration: 3 m 32 s - Pipeline.Targets.Tests.dll (net10.0)",
                "Failed!  - Failed:     2, Passed:   310, Skipped:     4, Total:   316, Duration: 41 s - Pipeline.GitHub.Tests.dll (net10.0)",
            })
            {
                progress.Observe(line);
            }
        });
    }
}
