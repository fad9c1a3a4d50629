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
}
