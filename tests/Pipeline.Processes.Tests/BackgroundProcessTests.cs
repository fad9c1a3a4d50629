using System.Security.Cryptography;
using Pipeline.Tests.Shared;

namespace Pipeline.Processes.Tests;

public sealed class BackgroundProcessTests
{
    [Fact]
    public async Task A_background_process_runs_logs_redacted_lines_and_stops_on_SIGTERM_by_its_id()
    {
        var token = new Secret("ghs_" + RandomNumberGenerator.GetHexString(36));
        var folder = TestTemp.Folder("processes-");
        var log = Path.Combine(folder, "server.log");
        var script = "trap 'echo terminated; exit 0' TERM; echo \"listening with $TOKEN\"; while true; do sleep 0.05; done";
        var request = new ProcessRequest("/bin/sh", ["-c", script]).WithEnvironment("TOKEN", token.Reveal());

        var process = BackgroundProcess.Launch(request, log);
        await WaitForAsync(() => File.Exists(log) && File.ReadAllText(log).Contains("listening", StringComparison.Ordinal));
        process.Id.Should().BePositive();
        process.HasExited.Should().BeFalse();
        await process.StopAsync(TimeSpan.FromSeconds(30));

        process.HasExited.Should().BeTrue();
        process.ExitCode.Should().BeNull("it was stopped");
        var text = await File.ReadAllTextAsync(log);
        text.Should().Contain("listening with ***").And.Contain("terminated", "SIGTERM reaches the process even when SIGINT is ignored (a background job)");
        token.IsContainedIn(text).Should().BeFalse();
        Directory.Delete(folder, true);
    }

    [Fact]
    public async Task A_process_that_ignores_SIGTERM_is_killed_with_its_children_after_the_grace_period()
    {
        var pids = Path.Combine(TestTemp.Folder("processes-"), "pids");
        var process = BackgroundProcess.Launch(new ProcessRequest("/bin/sh", ["-c", "trap '' TERM; sleep 300 & echo $! > \"$1\"; echo $$ >> \"$1\"; wait", "sh", pids]));
        var started = await ProcessRunnerTests.WaitForPidsAsync(pids);

        await process.StopAsync(TimeSpan.FromMilliseconds(500));

        process.HasExited.Should().BeTrue();
        await ProcessRunnerTests.AssertGoneAsync(started);
    }

    [Fact]
    public async Task A_process_that_exits_on_its_own_reports_its_exit_code()
    {
        await using var process = BackgroundProcess.Launch(new ProcessRequest("/bin/sh", ["-c", "exit 5"]));

        await WaitForAsync(() => process.HasExited);

        process.ExitCode.Should().Be(5);
    }

    [Fact]
    public void A_program_that_does_not_exist_fails_at_start()
    {
        var act = () => BackgroundProcess.Launch(new ProcessRequest("no-such-daemon", []));

        act.Should().Throw<ProcessException>().Which.Failure.Should().Be(ProcessFailure.NotStarted);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 400 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        condition().Should().BeTrue();
    }
}
