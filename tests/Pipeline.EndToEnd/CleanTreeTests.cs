namespace Pipeline.EndToEnd;

/// <summary>The generated files that are checked in (schema, workflows) are exactly what the build generates.</summary>
[Collection(CompiledClone.Collection)]
public sealed class CleanTreeTests(CompiledClone compiled)
{
    private readonly RepositoryClone _clone = compiled.Clone;

    [Fact]
    public void A_run_of_the_build_leaves_a_clean_clone_clean()
    {
        compiled.FirstRun.Error.Should().Contain("Compiling the build project");
        compiled.FirstRun.Output.Should().NotContain("Updated ", "the checked-in schema and workflows should match the build");
        var help = _clone.BuildSh("--help");
        help.ExitCode.Should().Be(0, help.All);
        help.Error.Should().NotContain("Compiling", "a copy of the compiled clone is compiled");
        help.Output.Should().NotContain("Updated ", "the checked-in schema and workflows should match the build");

        var status = RepositoryClone.Run("git", ["status", "--porcelain"], _clone.Root);
        status.Output.Should().BeEmpty("generated files (.nuke/build.schema.json, .github/workflows, samples/gitops/.github/workflows) must be committed as generated");
    }

    [Fact]
    public void The_workflows_never_interpolate_event_data_into_scripts()
    {
        var workflows = Directory.GetFiles(Path.Combine(_clone.Root, ".github", "workflows"), "*.yml")
            .Concat(Directory.GetFiles(Path.Combine(_clone.Root, "samples", "gitops", ".github", "workflows"), "*.yml"));
        var scripts = 0;
        foreach (var file in workflows)
        {
            // A job that only uses an action (the receiver) has no script of its own.
            var runLines = File.ReadAllLines(file).Select(l => l.TrimStart().TrimStart('-').TrimStart())
                .Where(l => l.StartsWith("run:", StringComparison.Ordinal)).ToList();
            scripts += runLines.Count;
            if (runLines.Count > 0)
            {
                runLines.Should().OnlyContain(l => !l.Contains("${{", StringComparison.Ordinal), $"{Path.GetFileName(file)} must pass values through env:");
            }
        }
        scripts.Should().BeGreaterThan(0);
    }
}
