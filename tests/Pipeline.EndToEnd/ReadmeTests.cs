namespace Pipeline.EndToEnd;

/// <summary>
/// The README's checked samples that need no Docker engine, run in a clean clone: the command, then the lines the README
/// shows must be what the build prints. The rehearsal's samples are checked by <see cref="RehearsalTests"/>.
/// </summary>
[Collection(CompiledClone.Collection)]
public sealed class ReadmeTests(CompiledClone compiled)
{
    /// <summary>Samples the rehearsal walk-through checks (it needs Docker and runs them once).</summary>
    internal static readonly string[] RehearsalSamples = ["./build.sh Rehearse (first run)", "./build.sh Rehearse (second run)"];

    /// <summary>A sample of build.sh on a machine without the SDK.</summary>
    private const string WithoutDotnet = "(without dotnet on PATH)";

    private static readonly string Readme = Path.Combine(RepositoryClone.Source, "README.md");

    private readonly RepositoryClone _clone = compiled.Clone;

    [Fact]
    public void The_checked_samples_are_what_the_build_prints()
    {
        var samples = ReadmeSample.All(Readme).Where(s => !RehearsalSamples.Contains(s.Command)).ToList();
        samples.Should().HaveCountGreaterThanOrEqualTo(4, "the README marks its samples with <!-- checked: COMMAND -->");

        _clone.BuildSh("--help").ExitCode.Should().Be(0, "the build project compiles");
        var status = RepositoryClone.Run("git", ["status", "--porcelain"], _clone.Root).Output;
        foreach (var sample in samples)
        {
            var output = Run(sample);
            sample.FirstMissingLine(output, _clone.Root).Should().BeNull($"README.md shows it for `{sample.Command}`, which printed:\n{output}");
        }
        RepositoryClone.Run("git", ["status", "--porcelain"], _clone.Root).Output.Should().Be(status, "the samples write only ignored files");
    }

    [Fact]
    public void Every_checked_sample_names_a_command_a_test_runs()
    {
        var commands = ReadmeSample.All(Readme).Select(s => s.Command).ToList();

        commands.Should().Contain(RehearsalSamples);
        commands.Where(c => !RehearsalSamples.Contains(c)).Should().OnlyContain(c => c.StartsWith("./build.sh", StringComparison.Ordinal) && (!c.Contains('(') || c.EndsWith(WithoutDotnet, StringComparison.Ordinal)));
    }

    /// <summary>Runs a sample's command in the clone, without the credentials this machine may have.</summary>
    private string Run(ReadmeSample sample)
    {
        var words = sample.Words().ToList();
        var environment = new Dictionary<string, string?> { ["GITHUB_TOKEN"] = null, ["GITOPS_TOKEN"] = null, ["GITHUB_APP_ID"] = null, ["GITHUB_APP_PRIVATE_KEY"] = null, ["DOCKER_CONFIG"] = _clone.Root };
        if (sample.Command.EndsWith(WithoutDotnet, StringComparison.Ordinal))
        {
            environment["PATH"] = ToolsWithoutDotnet();
            words = words.Take(1).ToList();
        }
        var outcome = RepositoryClone.Run(Path.Combine(_clone.Root, words[0]), words.Skip(1), _clone.Root, environment);
        return outcome.Output + outcome.Error;
    }

    /// <summary>A PATH with what build.sh needs before it looks for the SDK, and no dotnet.</summary>
    private string ToolsWithoutDotnet()
    {
        var bin = Path.Combine(_clone.Root, ".nuke", "temp", "no-dotnet");
        Directory.CreateDirectory(bin);
        foreach (var tool in new[] { "bash", "dirname", "sed", "head", "cut", "find", "sha1sum", "cat", "grep", "realpath", "tr", "sort", "wc", "mkdir" })
        {
            var target = new[] { "/usr/bin", "/bin" }.Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
            if (target is not null && !File.Exists(Path.Combine(bin, tool)))
            {
                File.CreateSymbolicLink(Path.Combine(bin, tool), target);
            }
        }
        return bin;
    }
}
