using Pipeline.Targets;

namespace Pipeline.Targets.Tests;

public sealed class ContinueTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Continue_skips_what_succeeded_in_the_previous_identical_invocation()
    {
        var first = new FlakyOnceBuild { FailPublish = true };
        _harness.Run(first, "Publish", "--label", "x").ExitCode.Should().Be(BuildOutcome.Failure);
        first.Ran.Should().Equal("Compile", "Publish");

        var second = new FlakyOnceBuild();
        var outcome = _harness.Run(second, "Publish", "--label", "x", "--continue");

        outcome.ExitCode.Should().Be(0);
        second.Ran.Should().Equal("Publish");
        outcome["Compile"]!.Reason.Should().Be("succeeded in the previous attempt (--continue)");
    }

    [Fact]
    public void Continue_after_a_different_invocation_runs_everything()
    {
        _harness.Run(new FlakyOnceBuild { FailPublish = true }, "Publish", "--label", "x");

        var second = new FlakyOnceBuild();
        _harness.Run(second, "Publish", "--label", "y", "--continue");

        second.Ran.Should().Equal("Compile", "Publish");
    }

    [Fact]
    public async Task Builds_running_at_once_in_one_checkout_all_record_their_attempt_whole()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(async () =>
        {
            using var output = new StringWriter();
            var outcome = await BuildEngine.RunAsync(new FlakyOnceBuild(), new BuildInvocation(["Publish", "--label", $"run-{i}"])
            {
                Output = output,
                WorkingDirectory = _harness.Root,
                IsTerminal = false,
                Environment = _harness.Environment,
            });
            return (outcome.ExitCode, Output: output.ToString());
        })));

        outcomes.Should().OnlyContain(o => o.ExitCode == 0 && !o.Output.Contains("IOException", StringComparison.Ordinal));
        var temp = Path.Combine(_harness.Root, ".nuke", "temp");
        using var state = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(temp, "build-attempt.json")));
        state.RootElement.GetProperty("succeeded").EnumerateArray().Select(e => e.GetString()).Should().Equal("Compile", "Publish");
        Directory.GetFiles(temp, "*.tmp").Should().BeEmpty("every temporary file was renamed into place");
    }

    public sealed class FlakyOnceBuild : RecordingBuild
    {
        [Parameter("A label.")]
        public readonly string? Label;

        public bool FailPublish { get; init; }

        public Target Compile => _ => _.Executes(() => Record(nameof(Compile)));

        public Target Publish => _ => _.DependsOn(Compile).Executes(() =>
        {
            Record(nameof(Publish));
            if (FailPublish)
            {
                throw new InvalidOperationException("network down");
            }
        });
    }
}
