using System.Reflection;
using Pipeline.Components;
using Pipeline.Targets;

namespace Pipeline.Tool.Tests;

/// <summary>The command line of <c>pipeline</c>: commands map to the build's targets, and the rest is the engine's.</summary>
public sealed class CommandTests : IDisposable
{
    private readonly ToolRun _tool = new();

    [Theory]
    [InlineData("promote", "Promote")]
    [InlineData("build-image", "BuildMultiArchImage")]
    [InlineData("merge-image", "MergeImage")]
    [InlineData("capture-digest", "CaptureDigest")]
    [InlineData("bump-gitops", "BumpGitOps")]
    [InlineData("apply-dispatch", "ApplyDispatch")]
    [InlineData("rehearse", "Rehearse")]
    [InlineData("test", "Test")]
    [InlineData("BumpGitOps", "BumpGitOps")]
    [InlineData("build-multi-arch-image", "BuildMultiArchImage")]
    [InlineData("Pack", null)]
    public void A_command_names_a_target_of_the_build(string command, string? target) =>
        Commands.TargetOf(command).Should().Be(target);

    [Fact]
    public void Help_lists_the_commands_and_every_parameter_of_the_components_with_its_environment_variable()
    {
        var code = _tool.Run("--help");

        code.Should().Be(0);
        _tool.Output.Should().Contain("Usage: pipeline [targets]");
        foreach (var (command, _, summary) in Commands.All)
        {
            _tool.Output.Should().Contain($"  {command}").And.Contain(summary);
        }

        foreach (var parameter in ComponentParameters())
        {
            _tool.Output.Should().Contain(parameter.Option).And.Contain("env " + parameter.Variable);
        }
    }

    [Fact]
    public void An_unknown_command_is_refused_with_the_nearest_and_exit_code_2()
    {
        _tool.Run("promot").Should().Be(2);
        _tool.Error.Should().Contain("Unknown command 'promot'. Did you mean 'promote'?");

        _tool.Run("--image", "x").Should().Be(2);
        _tool.Error.Should().Contain("Name a command first");

        _tool.Run("plan").Should().Be(2);
        _tool.Error.Should().Contain("pipeline plan needs a command");
    }

    [Fact]
    public void An_unknown_parameter_is_the_engines_error_with_the_nearest_option()
    {
        _tool.Run("bump-gitops", "--gitops-repositry", "org/gitops").Should().Be(2);

        _tool.Output.Should().Contain("Unknown option '--gitops-repositry'. Did you mean '--gitops-repository'?").And.Contain("nothing ran (exit code 2)");
    }

    [Fact]
    public void Plan_shows_the_promote_chain_and_what_it_still_needs_and_writes_nothing()
    {
        var code = _tool.Run("plan", "promote", "--test-command", "go test ./...");

        code.Should().Be(2, "a plan exits as the run would, and this run would stop before its first target");
        _tool.Output.Should().Contain("Execution plan for Promote")
            .And.Contain("Compile              skipped: condition false: Solution != null")
            .And.Contain("BuildMultiArchImage: requires parameter Image, which is not set.")
            .And.Contain("fix: set it with --image <value>, the environment variable IMAGE")
            .And.Contain("BumpGitOps: requires parameter GitOpsRepository");
        Directory.EnumerateFileSystemEntries(_tool.Root, "*", SearchOption.AllDirectories)
            .Where(p => !p.Contains(Path.Combine(".nuke", "temp"), StringComparison.Ordinal) && !p.EndsWith(".nuke", StringComparison.Ordinal))
            .Should().BeEmpty("the tool writes no schema, workflows or records when only asked for a plan");
    }

    [Fact]
    public void Test_runs_the_repository_test_command_from_parameters_json()
    {
        var service = _tool.CopySample("hello-service");

        var code = _tool.RunIn(service, "test");

        code.Should().Be(0, _tool.Output);
        _tool.Output.Should().Contain("Running the test command: sh test.sh").And.Contain("3 passed, 0 failed").And.NotContain("--solution");
    }

    [Fact]
    public void Version_prints_the_informational_version()
    {
        _tool.Run("--version").Should().Be(0);
        _tool.Output.Trim().Should().Be(Program.Version).And.MatchRegex(@"^\d+\.\d+\.\d+");
    }

    public void Dispose() => _tool.Dispose();

    /// <summary>Every parameter the components declare: the tool must offer each one, as ./build.sh does.</summary>
    internal static IEnumerable<(string Option, string Variable)> ComponentParameters() =>
        typeof(IRehearse).Assembly.GetTypes()
            .Where(t => t.IsInterface && t.IsPublic && typeof(ToolBuild).GetInterfaces().Contains(t))
            .SelectMany(t => t.GetProperties())
            .Where(p => p.GetCustomAttribute<ParameterAttribute>() is not null)
            .Select(p => (Option: "--" + Kebab(p.Name), Variable: Snake(p.Name)))
            .Distinct();

    private static string Kebab(string name) => string.Concat(Words(name).Select((w, i) => (i > 0 ? "-" : "") + w.ToLowerInvariant()));

    private static string Snake(string name) => string.Join('_', Words(name)).ToUpperInvariant();

    private static IEnumerable<string> Words(string name) =>
        System.Text.RegularExpressions.Regex.Matches(name.Replace("GitHub", "Github", StringComparison.Ordinal).Replace("GitOps", "Gitops", StringComparison.Ordinal), "[A-Z][a-z0-9]*").Select(m => m.Value);
}
