using Pipeline.Targets;

namespace Pipeline.Targets.Tests;

/// <summary>What a host of the engine other than ./build.sh (a command-line tool) sets, and what a target can pass on.</summary>
public sealed class HostTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    [Fact]
    public async Task Help_and_messages_name_the_hosts_command()
    {
        var help = await RunAsync(new HostBuild(), new BuildInvocation(["--help"]) { Command = "pipeline" });
        var none = await RunAsync(new HostBuild(), new BuildInvocation([]) { Command = "pipeline" });

        help.Output.Should().StartWith("Usage: pipeline [targets]");
        none.Outcome.ExitCode.Should().Be(BuildOutcome.InvalidInvocation);
        none.Output.Should().Contain("No target given. Name one: pipeline <target>");
    }

    [Fact]
    public async Task A_host_that_updates_no_generated_files_leaves_the_schema_alone()
    {
        await RunAsync(new HostBuild(), new BuildInvocation(["Work"]) { UpdatesGeneratedFiles = false });
        File.Exists(Path.Combine(_harness.Root, ".nuke", "build.schema.json")).Should().BeFalse();

        await RunAsync(new HostBuild(), new BuildInvocation(["Work"]));
        File.Exists(Path.Combine(_harness.Root, ".nuke", "build.schema.json")).Should().BeTrue("a build keeps its schema up to date");
    }

    [Fact]
    public async Task A_target_sees_the_command_line_parameters_and_profiles_and_passes_them_on_except_its_own()
    {
        _harness.WriteFile(".nuke/parameters.ci.json", """{ "Flavour": "from-profile" }""");
        var build = new HostBuild();

        var run = await RunAsync(build, new BuildInvocation(["Outer", "--name=web", "--tags", "a", "b", "--flavour", "x", "--profile", "ci"]));

        run.Outcome.ExitCode.Should().Be(BuildOutcome.Success, run.Output);
        build.Seen!.Parameters.Keys.Should().BeEquivalentTo(["Name", "Tags", "Flavour"]);
        build.Seen.Profiles.Should().Equal("ci");
        build.Passed.Should().Equal("--name=web", "--tags", "a", "b", "--profile", "ci");
        run.Output.Should().Contain("inner: web a,b from-profile", "the nested build reads the passed parameters and the profile's file");
    }

    public void Dispose() => _harness.Dispose();

    private async Task<(BuildOutcome Outcome, string Output)> RunAsync(PipelineBuild build, BuildInvocation invocation)
    {
        using var writer = new StringWriter();
        var outcome = await BuildEngine.RunAsync(build, invocation with { Output = writer, WorkingDirectory = _harness.Root, IsTerminal = false, Environment = _harness.Environment });
        return (outcome, writer.ToString());
    }

#pragma warning disable CS0649 // Parameters are assigned by the engine.
    private sealed class HostBuild : PipelineBuild
    {
        [Parameter("A name.")] readonly string? Name;
        [Parameter("Tags.")] readonly string[] Tags = [];
        [Parameter("A flavour.")] readonly string? Flavour;

        public CommandLineParameters? Seen { get; private set; }

        public IReadOnlyList<string> Passed { get; private set; } = [];

        Target Work => _ => _.Executes(() => { });

        Target Inner => _ => _.Executes(() => Log.Information($"inner: {Name} {string.Join(',', Tags)} {Flavour}"));

        Target Outer => _ => _.Executes(async context =>
        {
            Seen = context.CommandLine;
            Passed = context.CommandLine.ToArguments(["flavour"]);
            var outcome = await context.RunBuildAsync(new HostBuild(), ["Inner", .. Passed]);
            if (outcome.ExitCode != 0)
            {
                throw new BuildException("inner failed");
            }
        });
    }
#pragma warning restore CS0649
}
