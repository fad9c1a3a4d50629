using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Tool.Tests;

/// <summary>
/// The composite actions at the repository root, the reusable workflow and every workflow file, checked by GitHub's
/// own parser; each action input reaches the tool as one of its parameters' environment variables, each output is
/// one the tool sets, and each use of an action of this repository passes only inputs it has.
/// </summary>
public sealed class ActionsTests
{
    private static readonly string Root = ToolRun.RepositoryRoot;

    private static readonly Lazy<IReadOnlyList<WorkflowParser.Result>> Parsed = new(() => WorkflowParser.Check(ActionFiles.Concat(WorkflowFiles)));

    private static IEnumerable<string> ActionFiles => Directory.GetDirectories(Root).Select(d => Path.Combine(d, "action.yml")).Where(File.Exists).Order(StringComparer.Ordinal);

    private static IEnumerable<string> WorkflowFiles =>
        Directory.GetFiles(Path.Combine(Root, ".github", "workflows"), "*.yml")
            .Concat(Directory.GetDirectories(Path.Combine(Root, "samples")).SelectMany(s => Directory.Exists(Path.Combine(s, ".github", "workflows")) ? Directory.GetFiles(Path.Combine(s, ".github", "workflows"), "*.yml") : []))
            .Order(StringComparer.Ordinal);

    [Fact]
    public void There_are_actions_for_each_step_and_a_reusable_workflow()
    {
        ActionFiles.Select(f => Path.GetFileName(Path.GetDirectoryName(f))).Should().BeEquivalentTo(["setup", "promote", "build-image", "capture-digest", "bump-gitops", "apply-dispatch"]);
        File.ReadAllText(Path.Combine(Root, ".github", "workflows", "pipeline.yml")).Should().Contain("workflow_call:");
    }

    [Fact]
    public void Every_action_and_workflow_passes_the_GitHub_workflow_parser()
    {
        foreach (var result in Parsed.Value)
        {
            result.Errors.Should().BeEmpty(result.File);
        }

        Parsed.Value.Should().HaveCount(ActionFiles.Count() + WorkflowFiles.Count());
        Parsed.Value.Single(r => r.File.EndsWith("pipeline.yml", StringComparison.Ordinal)).Jobs.Should().Equal("test", "build", "merge", "promote");
    }

    [Fact]
    public void The_parser_reports_what_is_wrong_in_a_broken_file()
    {
        var broken = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.yml");
        File.WriteAllText(broken, "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: a/b@v1\n        bogus: 1\n");
        try
        {
            WorkflowParser.Check([broken]).Single().Errors.Should().ContainSingle().Which.Should().Contain("Unexpected value 'bogus'");
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public void Every_action_input_is_a_parameter_of_the_tool_and_every_output_one_it_sets()
    {
        var variables = ToolVariables();
        var outputs = ToolOutputs();
        foreach (var file in ActionFiles.Where(f => !f.Contains($"{Path.DirectorySeparatorChar}setup{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var action = Load(file);
            var parsed = Parsed.Value.Single(r => r.File == file);
            var steps = (YamlSequenceNode)action["runs"]["steps"];
            var run = steps.Children.OfType<YamlMappingNode>().Single(s => s.Children.ContainsKey("id") && s["id"].ToString() == "pipeline");
            var env = ((YamlMappingNode)run["env"]).Children.ToDictionary(e => e.Key.ToString(), e => e.Value.ToString());
            foreach (var input in parsed.Inputs.Where(i => i is not ("version" or "install" or "merge")))
            {
                env.Should().ContainValue($"${{{{ inputs.{input} }}}}", $"{file}: input {input} reaches the tool");
                var variable = env.Single(e => e.Value == $"${{{{ inputs.{input} }}}}").Key;
                variables.Should().Contain(variable, $"{file}: {input} maps to {variable}, a parameter of pipeline");
            }
            foreach (var output in parsed.Outputs)
            {
                var value = action["outputs"][output]["value"].ToString();
                var name = Regex.Match(value, @"steps\.pipeline\.outputs\.([a-z-]+)").Groups[1].Value;
                outputs.Should().Contain(name, $"{file}: output {output} comes from the tool's {name}");
            }
            ((YamlScalarNode)run["run"]).Value.Should().Contain("mask.sh", $"{file} masks the secrets first").And.NotContain("${{");
        }
    }

    [Fact]
    public void Every_use_of_an_action_of_this_repository_passes_only_its_inputs_and_gives_the_required_ones()
    {
        var inputs = Parsed.Value.Where(r => r.File.EndsWith("action.yml", StringComparison.Ordinal))
            .ToDictionary(r => Path.GetFileName(Path.GetDirectoryName(r.File))!, r => r.Inputs);
        var uses = 0;
        foreach (var file in WorkflowFiles)
        {
            foreach (var step in Load(file)["jobs"].AllNodes.OfType<YamlMappingNode>().Where(n => n.Children.ContainsKey("uses")))
            {
                var match = Regex.Match(step["uses"].ToString(), @"^pipeline-build/pipeline/([a-z-]+)@");
                if (!match.Success)
                {
                    continue;
                }

                uses++;
                var action = match.Groups[1].Value;
                inputs.Should().ContainKey(action, file);
                var with = step.Children.TryGetValue("with", out var node) ? ((YamlMappingNode)node).Children.Keys.Select(k => k.ToString()).ToList() : [];
                with.Should().BeSubsetOf(inputs[action], $"{file} uses {action}");
                foreach (var required in RequiredInputs(action))
                {
                    with.Should().Contain(required, $"{file} uses {action}, which requires {required}");
                }
            }
        }
        uses.Should().BeGreaterThanOrEqualTo(5);
    }

    [Fact]
    public void A_teams_workflow_is_one_file_of_at_most_30_lines_and_the_receiver_needs_no_checkout()
    {
        var promote = File.ReadAllLines(Path.Combine(Root, "samples", "hello-service", ".github", "workflows", "promote.yml"));
        var receiver = File.ReadAllText(Path.Combine(Root, "samples", "hello-gitops", ".github", "workflows", "promote-receiver.yml"));

        promote.Length.Should().BeLessThanOrEqualTo(30);
        receiver.Should().Contain("uses: pipeline-build/pipeline/apply-dispatch@v1").And.NotContain("actions/checkout").And.NotContain("secrets.");
    }

    private static IEnumerable<string> RequiredInputs(string action) =>
        ((YamlMappingNode)Load(Path.Combine(Root, action, "action.yml"))["inputs"]).Children
            .Where(i => ((YamlMappingNode)i.Value).Children.TryGetValue("required", out var required) && required.ToString() == "true")
            .Select(i => i.Key.ToString());

    private static YamlMappingNode Load(string file)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(file)));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    /// <summary>The environment variables of the tool's parameters, as <c>pipeline --help</c> lists them, and GITHUB_TOKEN (the guards' token).</summary>
    private static HashSet<string> ToolVariables()
    {
        using var tool = new ToolRun();
        tool.Run("--help").Should().Be(0);
        return [.. Regex.Matches(tool.Output, @"· env ([A-Z_]+) ·").Select(m => m.Groups[1].Value), "GITHUB_TOKEN"];
    }

    /// <summary>The step outputs the tool's targets set on GitHub Actions.</summary>
    private static HashSet<string> ToolOutputs()
    {
        var sources = Directory.GetFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText).ToList();
        var set = sources.SelectMany(s => Regex.Matches(s, @"SetOutput\(""([a-z-]+)""").Select(m => m.Groups[1].Value));
        var pinned = Regex.Matches(File.ReadAllText(Path.Combine(Root, "src", "Pipeline.Containers", "Capture", "PinnedImage.GitHub.cs")), @"\[""([a-z-]+)""\] =").Select(m => m.Groups[1].Value);
        return [.. set, .. pinned];
    }
}
