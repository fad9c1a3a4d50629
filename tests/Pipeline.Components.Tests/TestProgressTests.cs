using Pipeline.Components.Tests.Support;
using Pipeline.Targets;

namespace Pipeline.Components.Tests;

public sealed class TestProgressTests : IDisposable
{
    private readonly BuildRun _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public async Task Each_test_project_gets_a_line_when_it_starts_and_one_with_its_counts_and_what_still_runs_when_it_ends()
    {
        var outcome = await _run.RunAsync(new FeedBuild(), "Feed");

        outcome.ExitCode.Should().Be(0, _run.Output);
        _run.Output.Should().Contain("Pipeline.Targets.Tests: started")
            .And.Contain("Pipeline.Targets.Tests: 59 passed, 0 failed, 0 skipped in 3 m 32 s; 1 test project(s) finished, running Pipeline.GitHub.Tests")
            .And.Contain("Pipeline.GitHub.Tests: 310 passed, 2 failed, 4 skipped in 41 s; 2 test project(s) finished");
    }

    private sealed class FeedBuild : PipelineBuild
    {
        public Target Feed => _ => _.Executes(context =>
        {
            var progress = new TestProgress(context);
            progress.Started("Pipeline.Targets.Tests");
            progress.Started("Pipeline.GitHub.Tests");
            progress.Finished("Pipeline.Targets.Tests", new TestCounts(59, 0, 0), TimeSpan.FromSeconds(212.4));
            progress.Finished("Pipeline.GitHub.Tests", new TestCounts(310, 2, 4), TimeSpan.FromSeconds(40.6));
        });
    }
}
