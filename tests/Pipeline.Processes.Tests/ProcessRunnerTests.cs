using System.Collections.Concurrent;
using Pipeline.Tests.Shared;

namespace Pipeline.Processes.Tests;

public sealed class ProcessRunnerTests
{
    private static ProcessRequest Shell(string script, params string[] arguments) => new("/bin/sh", ["-c", script, "sh", .. arguments]);

    [Fact]
    public async Task Arguments_with_spaces_quotes_and_shell_characters_arrive_verbatim()
    {
        string[] arguments = ["two words", "it's", "\"quoted\"", "$HOME", "a\\b", "", "*", "semi;colon", "new\nline"];

        var result = await ProcessRunner.RunAsync(Shell("for a in \"$@\"; do printf '[%s]\\n' \"$a\"; done", arguments));

        result.StandardOutput.Should().Be(string.Concat(arguments.Select(a => $"[{a}]\n")));
        result.ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task Lines_are_passed_on_while_the_process_still_runs()
    {
        var folder = TestTemp.Folder("processes-");
        var go = Path.Combine(folder, "go");
        var lines = new BlockingCollection<string>();
        var run = ProcessRunner.RunAsync(Shell("echo first; while [ ! -f \"$1\" ]; do sleep 0.05; done; echo second >&2", go) with { Output = lines.Add });

        lines.TryTake(out var first, TimeSpan.FromSeconds(20)).Should().BeTrue();
        first.Should().Be("first");
        run.IsCompleted.Should().BeFalse("the process waits for the file, so the line came while it ran");
        await File.WriteAllTextAsync(go, "");
        var result = await run;

        lines.Should().Equal("second");
        result.StandardOutput.Should().Be("first\n");
        result.StandardError.Should().Be("second\n");
        Directory.Delete(folder, true);
    }

    [Fact]
    public async Task Cancellation_kills_the_process_and_every_process_it_started()
    {
        var pids = Path.Combine(TestTemp.Folder("processes-"), "pids");
        using var cancellation = new CancellationTokenSource();
        var run = ProcessRunner.RunAsync(Shell("sleep 300 & echo $! > \"$1\"; echo $$ >> \"$1\"; wait", pids), cancellation.Token);
        var started = await WaitForPidsAsync(pids);

        await cancellation.CancelAsync();
        var act = () => run;

        await act.Should().ThrowAsync<OperationCanceledException>();
        await AssertGoneAsync(started);
    }

    [Fact]
    public async Task Timeout_kills_the_tree_and_says_so_with_the_command_and_what_to_do()
    {
        var pids = Path.Combine(TestTemp.Folder("processes-"), "pids");
        var request = Shell("sleep 300 & echo $! > \"$1\"; echo $$ >> \"$1\"; echo waiting >&2; wait", pids) with { Timeout = TimeSpan.FromSeconds(2) };

        var failure = (await FluentActions.Awaiting(() => ProcessRunner.RunAsync(request)).Should().ThrowAsync<ProcessException>()).Which;

        failure.Failure.Should().Be(ProcessFailure.TimedOut);
        failure.ExitCode.Should().BeNull();
        failure.Message.Should().Contain("/bin/sh -c").And.Contain("did not finish within 2 s").And.Contain("allow it more time").And.Contain("waiting");
        await AssertGoneAsync(File.ReadAllLines(pids).Select(int.Parse).ToArray());
    }

    [Fact]
    public async Task A_non_zero_exit_throws_with_the_exit_code_and_only_the_tail_of_stderr()
    {
        var request = Shell("for i in $(seq 1 50); do echo \"error line $i\" >&2; done; exit 3") with { TailLines = 5, Fix = "Mend the thing." };

        var failure = (await FluentActions.Awaiting(() => ProcessRunner.RunAsync(request)).Should().ThrowAsync<ProcessException>()).Which;

        failure.Failure.Should().Be(ProcessFailure.ExitCode);
        failure.ExitCode.Should().Be(3);
        failure.StandardErrorTail.Split('\n').Should().Equal("error line 46", "error line 47", "error line 48", "error line 49", "error line 50");
        failure.Message.Should().StartWith("'/bin/sh -c").And.Contain("failed with exit code 3. Mend the thing.").And.EndWith("error line 50").And.NotContain("error line 45");
    }

    [Fact]
    public async Task Accepted_exit_codes_are_answers_and_ThrowOnFailure_false_returns_any()
    {
        var answer = await ProcessRunner.RunAsync(Shell("exit 1").Accepting(0, 1));
        var any = await ProcessRunner.RunAsync(Shell("echo why >&2; exit 7") with { ThrowOnFailure = false });
        var refused = () => ProcessRunner.RunAsync(Shell("exit 2").Accepting(0, 1));

        answer.ExitCode.Should().Be(1);
        any.ExitCode.Should().Be(7);
        any.StandardError.Should().Be("why\n");
        (await refused.Should().ThrowAsync<ProcessException>()).Which.ExitCode.Should().Be(2);
    }

    [Fact]
    public async Task A_missing_program_or_folder_fails_naming_it_and_what_to_do()
    {
        var missing = () => ProcessRunner.RunAsync(new ProcessRequest("no-such-tool-here", ["--version"]));
        var folder = () => ProcessRunner.RunAsync(new ProcessRequest("/bin/true", []) { WorkingDirectory = "/no/such/folder" });

        var notFound = (await missing.Should().ThrowAsync<ProcessException>()).Which;
        notFound.Failure.Should().Be(ProcessFailure.NotStarted);
        notFound.Message.Should().Contain("Cannot start 'no-such-tool-here'").And.Contain("put it on PATH");
        (await folder.Should().ThrowAsync<ProcessException>()).Which.Message.Should().Contain("'/no/such/folder' does not exist");
    }

    [Fact]
    public async Task Environment_overrides_set_and_remove_variables_and_the_working_directory_applies()
    {
        var folder = TestTemp.Folder("processes-");
        Environment.SetEnvironmentVariable("PIPELINE_PROCESSES_INHERITED", "inherited");
        var request = Shell("echo \"$PIPELINE_SET|${PIPELINE_PROCESSES_INHERITED:-unset}|$(pwd)\"") with { WorkingDirectory = folder };

        var result = await ProcessRunner.RunAsync(request.WithEnvironment("PIPELINE_SET", "set").WithEnvironment("PIPELINE_PROCESSES_INHERITED", null));

        result.Text.Should().Be($"set|unset|{new DirectoryInfo(folder).FullName}");
        Directory.Delete(folder);
    }

    [Fact]
    public async Task Input_goes_to_stdin_as_text_bytes_or_a_stream()
    {
        var text = await ProcessRunner.RunAsync(new ProcessRequest("cat", []) { Input = ProcessInput.FromText("héllo\n") });
        var bytes = await ProcessRunner.RunAsync(new ProcessRequest("wc", ["-c"]) { Input = ProcessInput.FromBytes(new byte[100_000]) });
        using var stream = new MemoryStream("from a stream"u8.ToArray());
        var streamed = await ProcessRunner.RunAsync(new ProcessRequest("cat", []) { Input = ProcessInput.FromStream(stream) });

        text.StandardOutput.Should().Be("héllo\n");
        bytes.Text.Trim().Should().Be("100000");
        streamed.StandardOutput.Should().Be("from a stream");
    }

    [Fact]
    public async Task Stdout_can_be_read_as_a_stream_while_the_process_runs()
    {
        var received = new MemoryStream();
        var request = Shell("head -c 300000 /dev/zero") with { ReadStandardOutput = (stream, ct) => stream.CopyToAsync(received, ct) };

        var result = await ProcessRunner.RunAsync(request);

        received.Length.Should().Be(300_000);
        result.StandardOutputBytes.Should().BeEmpty();
    }

    [Fact]
    public async Task Binary_stdout_is_kept_as_bytes()
    {
        var result = await ProcessRunner.RunAsync(Shell("printf '\\000\\377\\001'"));

        result.StandardOutputBytes.Should().Equal(0, 255, 1);
    }

    internal static async Task<int[]> WaitForPidsAsync(string path)
    {
        for (var i = 0; i < 400; i++)
        {
            if (File.Exists(path) && File.ReadAllLines(path) is { Length: 2 } lines)
            {
                return lines.Select(int.Parse).ToArray();
            }

            await Task.Delay(25);
        }

        throw new TimeoutException("the script did not write its pids");
    }

    internal static async Task AssertGoneAsync(int[] pids)
    {
        for (var i = 0; i < 200 && pids.Any(Alive); i++)
        {
            await Task.Delay(25);
        }

        pids.Where(Alive).Should().BeEmpty("the parent and its child were killed");
    }

    private static bool Alive(int pid)
    {
        try
        {
            return !File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2].Equals("Z", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }
}
