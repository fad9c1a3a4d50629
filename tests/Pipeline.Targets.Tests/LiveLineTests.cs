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
        using var writer = new WatchingWriter("running for ");
        var outcome = await BuildEngine.RunAsync(new QuietBuild(writer.Seen), new BuildInvocation(["Quiet"])
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
        using var writer = new WatchingWriter("running for ");
        var outcome = await BuildEngine.RunAsync(new QuietBuild(writer.Seen), new BuildInvocation(["Quiet"])
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

    /// <summary>A target that says what it does, then stays quiet until the output shows the line the test waits for.</summary>
    private sealed class QuietBuild(Task shown) : PipelineBuild
    {
        public Target Quiet => _ => _.Executes(async context =>
        {
            context.Progress("copying layer 2 of 3");
            await shown.WaitAsync(TimeSpan.FromSeconds(30), context.CancellationToken);
            Log.Information("done copying");
        });
    }

    /// <summary>Output that completes <see cref="Seen"/> once <c>marker</c> was written.</summary>
    private sealed class WatchingWriter(string marker) : StringWriter
    {
        private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Seen => _seen.Task;

        public override void Write(char value)
        {
            base.Write(value);
            Check();
        }

        public override void Write(string? value)
        {
            base.Write(value);
            Check();
        }

        public override void Write(char[] buffer, int index, int count)
        {
            base.Write(buffer, index, count);
            Check();
        }

        private void Check()
        {
            if (!_seen.Task.IsCompleted && GetStringBuilder().ToString().Contains(marker, StringComparison.Ordinal))
            {
                _seen.TrySetResult();
            }
        }
    }
}
