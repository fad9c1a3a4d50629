using Pipeline.Targets;

namespace Pipeline.Targets.Tests;

public sealed class OutputTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Colours_appear_only_on_a_terminal_and_not_with_NO_COLOR()
    {
        using var plain = new StringWriter();
        await BuildEngine.RunAsync(new ChainBuild(), new BuildInvocation(["Compile"]) { Output = plain, IsTerminal = false, WorkingDirectory = _harness.Root, Environment = _harness.Environment });
        plain.ToString().Should().NotContain("\u001b[");

        using var terminal = new StringWriter();
        await BuildEngine.RunAsync(new ChainBuild(), new BuildInvocation(["Compile"]) { Output = terminal, IsTerminal = true, WorkingDirectory = _harness.Root, Environment = _harness.Environment });
        terminal.ToString().Should().Contain("\u001b[");

        using var noColor = new StringWriter();
        var environment = new Dictionary<string, string>(_harness.Environment) { ["NO_COLOR"] = "1" };
        await BuildEngine.RunAsync(new ChainBuild(), new BuildInvocation(["Compile"]) { Output = noColor, IsTerminal = true, WorkingDirectory = _harness.Root, Environment = environment });
        noColor.ToString().Should().NotContain("\u001b[");
    }

    [Fact]
    public void Quiet_verbosity_prints_errors_and_the_last_line_only()
    {
        _harness.Run(new FailureBuild(), "Broken", "--verbosity", "quiet");

        _harness.Lines.Should().Equal("error: InvalidOperationException: broken for good", _harness.Lines[^1]);
        _harness.Lines[^1].Should().StartWith("Build failed");
    }

    [Fact]
    public void Verbose_verbosity_shows_debug_lines_and_stack_traces()
    {
        _harness.Run(new FailureBuild(), "Broken", "--verbosity", "verbose");

        _harness.Output.Should().Contain("at Pipeline.Targets.Tests.FailureBuild");
    }

    [Fact]
    public void Facts_a_target_reports_appear_in_the_summary_table()
    {
        _harness.Environment["REGISTRY_TOKEN"] = "token-value";
        _harness.Run(new ParameterBuild(), "Push", "--registry", "ghcr.io/acme");

        _harness.Lines.Should().Contain(l => l.StartsWith("Push ", StringComparison.Ordinal) && l.Contains("Succeeded") && l.EndsWith("registry: ghcr.io/acme", StringComparison.Ordinal));
    }
}

public sealed class ProducesTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void What_a_target_produced_is_reported_in_the_summary_and_the_plan_names_it()
    {
        _harness.Run(new ProducingBuild(), "Package");
        _harness.Lines.Should().Contain(l => l.StartsWith("Package ", StringComparison.Ordinal) && l.EndsWith("produced: 2 files in out/packages", StringComparison.Ordinal));

        _harness.Run(new ProducingBuild(), "--plan", "Package");
        _harness.Output.Should().Contain("produces out/packages/*.nupkg");
    }

    public sealed class ProducingBuild : PipelineBuild
    {
        public Target Package => _ => _
            .Produces("out/packages/*.nupkg")
            .Executes(() =>
            {
                var folder = (RootDirectory / "out" / "packages").CreateDirectory();
                File.WriteAllText(folder / "a.1.0.0.nupkg", "");
                File.WriteAllText(folder / "b.1.0.0.nupkg", "");
                File.WriteAllText(folder / "notes.txt", "");
            });
    }
}
