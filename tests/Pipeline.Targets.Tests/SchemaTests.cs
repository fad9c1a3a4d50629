using System.Text.Json;
using Pipeline.Targets;

namespace Pipeline.Targets.Tests;

public sealed class SchemaTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void A_local_run_writes_a_schema_with_every_parameter_and_the_target_names()
    {
        _harness.Run(new ParameterBuild(), "--help");

        var text = File.ReadAllText(Path.Combine(_harness.Root, ".nuke", "build.schema.json"));
        Golden.Match(text, "schema.json");
        using var schema = JsonDocument.Parse(text);
        var properties = schema.RootElement.GetProperty("properties");
        properties.EnumerateObject().Select(p => p.Name).Should().Contain(["ImageName", "Retries", "DryRun", "Flavor", "Platforms", "Registry", "RegistryToken", "Skip"]);
        schema.RootElement.GetProperty("$defs").GetProperty("Target").GetProperty("enum").EnumerateArray().Select(e => e.GetString())
            .Should().Contain(["Show", "Release", "Push"]);
    }

    [Fact]
    public void The_schema_is_rewritten_only_when_it_changed_and_never_on_a_CI_server()
    {
        var path = Path.Combine(_harness.Root, ".nuke", "build.schema.json");
        _harness.Run(new ParameterBuild(), "--help");
        var written = File.GetLastWriteTimeUtc(path);
        File.SetLastWriteTimeUtc(path, written.AddHours(-1));
        _harness.Run(new ParameterBuild(), "--help");
        File.GetLastWriteTimeUtc(path).Should().Be(written.AddHours(-1));

        File.WriteAllText(path, "{}");
        _harness.Environment["CI"] = "true";
        _harness.Run(new ParameterBuild(), "--help");
        File.ReadAllText(path).Should().Be("{}");
    }

    [Fact]
    public void The_schema_does_not_change_when_parameters_and_targets_are_declared_in_another_order()
    {
        var path = Path.Combine(_harness.Root, ".nuke", "build.schema.json");
        _harness.Run(new OrderedBuild(), "--help");
        var first = File.ReadAllText(path);
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddHours(-1));
        var stamp = File.GetLastWriteTimeUtc(path);

        _harness.Run(new ReorderedBuild(), "--help");

        File.GetLastWriteTimeUtc(path).Should().Be(stamp, "the same parameters and targets make the same schema");
        File.ReadAllText(path).Should().Be(first);
        first.Should().Contain("\"Version <major>+build, e.g. 1.2+3\"", "JSON written for people is not escaped");
    }

    [Fact]
    public void A_schema_committed_with_other_line_endings_and_indentation_is_left_alone()
    {
        var path = Path.Combine(_harness.Root, ".nuke", "build.schema.json");
        _harness.Run(new OrderedBuild(), "--help");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\n", "\r\n", StringComparison.Ordinal).Replace("  ", "\t", StringComparison.Ordinal));
        var committed = File.ReadAllText(path);

        _harness.Run(new OrderedBuild(), "--help");

        File.ReadAllText(path).Should().Be(committed);
    }

    [Fact]
    public void Adding_a_parameter_rewrites_the_schema()
    {
        var path = Path.Combine(_harness.Root, ".nuke", "build.schema.json");
        _harness.Run(new OrderedBuild(), "--help");

        _harness.Run(new ParameterBuild(), "--help");

        File.ReadAllText(path).Should().Contain("\"ImageName\"").And.NotContain("\"Alpha\"");
    }

    public sealed class OrderedBuild : PipelineBuild
    {
        [Parameter("First.")] public readonly string? Alpha;
        [Parameter("Version <major>+build, e.g. 1.2+3")] public readonly string? Beta;
        public Target One => _ => _.Executes(() => { });
        public Target Two => _ => _.Executes(() => { });
    }

    public sealed class ReorderedBuild : PipelineBuild
    {
        [Parameter("Version <major>+build, e.g. 1.2+3")] public readonly string? Beta;
        [Parameter("First.")] public readonly string? Alpha;
        public Target Two => _ => _.Executes(() => { });
        public Target One => _ => _.Executes(() => { });
    }
}
