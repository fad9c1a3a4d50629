using Pipeline.Targets;

namespace Pipeline.Targets.Tests;

/// <summary>A build never goes silent: a status line on a terminal, a "still running" line elsewhere.</summary>
public sealed class LiveLineTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Plain_output_says_what_is_still_running_after_the_quiet_interval()
    {
        using var writer = new StringWriter();
        var outcome = await BuildEngine.RunAsync(new QuietBuild(), new BuildInvocation(["Quiet"])
        {
            Output = writer,
            WorkingDirectory = _harness.Root,
            Environment = new Dictionary<string, string>(),
            IsTerminal = false,
            QuietInterval = TimeSpan.FromMilliseconds(300),
        });

        outcome.ExitCode.Should().Be(0);
        var lines = writer.ToString().Split('\n');
        lines.Should().Contain(l => l.StartsWith("  … Quiet running for ", StringComparison.Ordinal) && l.Contains(": copying layer 2 of 3"));
        lines.Should().NotContain(l => l.Contains('\r') && l.Contains("\u001b[2K"), "a log is not redrawn");
    }

    [Fact]
    public async Task A_terminal_gets_a_status_line_that_is_wiped_before_the_next_log_line()
    {
        using var writer = new StringWriter();
        var outcome = await BuildEngine.RunAsync(new QuietBuild(), new BuildInvocation(["Quiet"])
        {
            Output = writer,
            WorkingDirectory = _harness.Root,
            Environment = new Dictionary<string, string> { ["NO_COLOR"] = "1" },
            IsTerminal = true,
        });

        outcome.ExitCode.Should().Be(0);
        var text = writer.ToString();
        text.Should().Contain("\r\u001b[2K\u001b[2m  … Quiet running for ").And.Contain(": copying layer 2 of 3\u001b[0m");
        text.Should().Contain("\r\u001b[2Kdone copying", "the status line is wiped before the next line");
    }

    private sealed class QuietBuild : PipelineBuild
    {
        public Target Quiet => _ => _.Executes(async context =>
        {
            context.Progress("copying layer 2 of 3");
            await Task.Delay(TimeSpan.FromSeconds(2.2));
            Log.Information("done copying");
        });
    }
}
