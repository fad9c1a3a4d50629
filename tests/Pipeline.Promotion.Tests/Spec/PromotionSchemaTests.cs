using System.Text.Json.Nodes;
using Pipeline.Promotion.Tests.Support;

namespace Pipeline.Promotion.Tests.Spec;

public sealed class PromotionSchemaTests
{
    private static readonly MiniJsonSchema Schema = MiniJsonSchema.Load(PromotionSpec.JsonSchema);

    private const string DesignIllustration = """
        apps:
          job-winner:
            image: ghcr.io/januschung/job-winner
            environments:
              dev:
                when: { tag: '.*-dev$' }
                files:
                  - path: lab/job-winner/chart/values.yaml
                    helm: { tag: backend.image.tag }
              prod:
                when: { tag: '.*-stable$' }
                mode: pull-request
                autoMerge: true
                files:
                  - path: environments/prod/values.yaml
                    regex: 'imageTag: "(?<tag>[^"]*)"'
          platform-demo:
            image: ghcr.io/andrelair-platform/platform-demo
            environments:
              default:
                files:
                  - path: manifests/platform-demo/00-deployment.yaml
                    container: platform-demo
          ai-service:
            image: ghcr.io/org/ai-service
            environments:
              prod:
                files:
                  - path: platform/ai-reliability/rollout.yaml
                    container: ai-service
                  - path: platform/ai-reliability/kustomization.yaml
                    kustomize: ghcr.io/org/ai-service
        """;

    [Theory]
    [InlineData("job-winner")]
    [InlineData("helm-environments")]
    [InlineData("minicloud-gitops")]
    [InlineData("ai-reliability")]
    public void Every_fixture_spec_is_valid_by_the_schema_and_by_the_reader(string fixture)
    {
        var yaml = Fixtures.Read(fixture, "promotion.yaml");

        Schema.Validate(MiniJsonSchema.FromYaml(yaml)).Should().BeEmpty();
        PromotionSpec.Parse(yaml).Apps.Should().NotBeEmpty();
    }

    [Fact]
    public void The_design_illustration_is_valid_by_the_schema_and_by_the_reader()
    {
        Schema.Validate(MiniJsonSchema.FromYaml(DesignIllustration)).Should().BeEmpty();
        PromotionSpec.Parse(DesignIllustration).Apps.Should().HaveCount(3);
    }

    [Theory]
    [InlineData("apps: { a: { image: x, environments: { dev: { files: [ { path: a.yaml } ] } } } }")]
    [InlineData("apps: { a: { image: x, environments: { dev: { files: [ { path: a.yaml, helm: t, marker: a } ] } } } }")]
    [InlineData("apps: { a: { image: x, environments: { dev: { mode: direct, files: [ { path: a.yaml, helm: t } ] } } } }")]
    [InlineData("apps: { a: { image: x, colour: red, environments: { dev: { files: [ { path: a.yaml, helm: t } ] } } } }")]
    [InlineData("apps: { a: { image: x, environments: { dev: { files: [ { path: ../a.yaml, helm: t } ] } } } }")]
    [InlineData("apps: { a: { image: x, environments: { dev: { files: [ { path: a.yaml, container: { kind: Pod } } ] } } } }")]
    public void Specs_the_reader_refuses_are_refused_by_the_schema_too(string yaml)
    {
        Schema.Validate(MiniJsonSchema.FromYaml(yaml)).Should().NotBeEmpty();
        var act = () => PromotionSpec.Parse(yaml);
        act.Should().Throw<PromotionSpecException>();
    }

    [Fact]
    public void The_schema_names_exactly_the_keys_the_reader_accepts()
    {
        Keys("").Should().BeEquivalentTo(SpecReader.RootKeys);
        Keys("#/$defs/settings").Should().BeEquivalentTo(SpecReader.SettingKeys);
        Keys("#/$defs/app").Should().BeEquivalentTo(SpecReader.AppKeys);
        Keys("#/$defs/environment").Should().BeEquivalentTo(SpecReader.EnvironmentKeys);
        Keys("#/$defs/environment/properties/when").Should().BeEquivalentTo(SpecReader.WhenKeys);
        Keys("#/$defs/file").Should().BeEquivalentTo(SpecReader.FileKeys);
        MappingKeys("helm").Should().BeEquivalentTo(SpecReader.HelmKeys);
        MappingKeys("container").Should().BeEquivalentTo(SpecReader.ContainerKeys);
        MappingKeys("kustomize").Should().BeEquivalentTo(SpecReader.KustomizeKeys);
        MappingKeys("marker").Should().BeEquivalentTo(SpecReader.MarkerKeys);
        MappingKeys("regex").Should().BeEquivalentTo(SpecReader.RegexKeys);
        Schema.Resolve("#/$defs/settingProperties/mode")["enum"]!.AsArray().Select(v => v!.GetValue<string>()).Should().Equal("commit", "pull-request");
        Schema.Resolve("#/$defs/settingProperties/merge")["enum"]!.AsArray().Select(v => v!.GetValue<string>()).Should().Equal("none", "auto", "immediate");
    }

    private static IEnumerable<string> Keys(string pointer) => Schema.Resolve(pointer)["properties"]!.AsObject().Select(p => p.Key);

    private static IEnumerable<string> MappingKeys(string edit) =>
        Schema.Resolve($"#/$defs/file/properties/{edit}")["oneOf"]!.AsArray().OfType<JsonObject>()
            .Single(o => o["properties"] is not null)["properties"]!.AsObject().Select(p => p.Key);
}
