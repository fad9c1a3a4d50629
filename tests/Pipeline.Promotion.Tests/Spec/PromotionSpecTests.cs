using Pipeline.GitHub;
using Pipeline.Promotion.Edits;
using Pipeline.Promotion.Tests.Support;

namespace Pipeline.Promotion.Tests.Spec;

public sealed class PromotionSpecTests
{
    [Fact]
    public void Job_winner_spec_opens_an_auto_merged_pull_request_per_app()
    {
        var spec = Fixtures.Spec("job-winner");

        spec.Apps.Select(a => a.Name).Should().Equal("job-winner", "job-winner-ui", "photo");
        var backend = spec.FindApp("job-winner")!.FindEnvironment("lab")!;
        backend.Mode.Should().Be(PromotionMode.PullRequest);
        backend.Merge.Should().Be(PullRequestMerge.Auto);
        backend.DeleteBranch.Should().BeTrue();
        backend.Labels.Should().Equal("automated");
        backend.Branch.Render(new Dictionary<string, string?> { ["app"] = "job-winner" }).Should().Be("auto/update-job-winner");
        backend.Files.Should().ContainSingle().Which.Edit.Should().BeEquivalentTo(HelmValuesEdit.ForTag("backend.image.tag"));
        spec.FindApp("photo")!.Environments[0].Files[0].Edit.Should().BeEquivalentTo(new HelmValuesEdit { Repository = "image.repository", Tag = "image.tag" });
    }

    [Fact]
    public void Dev_and_prod_environments_route_by_tag_suffix()
    {
        var app = Fixtures.Spec("helm-environments").FindApp("myapp")!;

        app.Environments.Where(e => e.When.Matches("1.4.0-dev", "develop")).Select(e => e.Name).Should().Equal("dev");
        app.Environments.Where(e => e.When.Matches("1.4.0-stable", "main")).Select(e => e.Name).Should().Equal("prod");
        app.Environments.Where(e => e.When.Matches("1.4.0-feature", "main")).Should().BeEmpty();
        app.Environments[0].Files[0].Edit.Should().BeOfType<RegexEdit>();
        app.Environments[0].Message.Text.Should().Be("Branch {sourceBranch} led to updated Docker image '{tag}': {sourceMessage}");
    }

    [Fact]
    public void Platform_demo_and_ai_reliability_specs_map_to_container_and_kustomize_edits()
    {
        var demo = Fixtures.Spec("minicloud-gitops").FindApp("platform-demo")!.FindEnvironment("default")!;
        demo.Files[0].Edit.Should().BeEquivalentTo(new ContainerImageEdit("platform-demo"));
        demo.Mode.Should().Be(PromotionMode.Commit);

        var ai = Fixtures.Spec("ai-reliability").FindApp("ai-service")!.FindEnvironment("prod")!;
        ai.Paths.Should().Equal("platform/ai-reliability/rollout.yaml", "platform/ai-reliability/kustomization.yaml");
        ai.Files[1].Edit.Should().BeEquivalentTo(new KustomizeImageEdit("ghcr.io/org/ai-service"));
        ai.When.Matches("anything", "main").Should().BeTrue();
        ai.When.Explain("anything", "feature/x").Should().Contain("does not match when.branch");
    }

    [Fact]
    public void Settings_inherit_from_defaults_then_app_then_environment()
    {
        var spec = PromotionSpec.Parse("""
            defaults: { mode: pull-request, mergeMethod: rebase, labels: gitops }
            apps:
              app:
                image: ghcr.io/org/app
                merge: immediate
                environments:
                  dev: { mode: commit, files: [ { path: dev.yaml, marker: app } ] }
                  prod:
                    deleteBranch: false
                    fallbackToPullRequest: true
                    title: "Deploy {tag} to {environment}"
                    files:
                      - path: prod.yaml
                        container: { name: app, kind: Rollout, parts: [tag, digest] }
                        expectedMatches: 2
            """);

        var dev = spec.Apps[0].FindEnvironment("dev")!;
        var prod = spec.Apps[0].FindEnvironment("prod")!;
        dev.Mode.Should().Be(PromotionMode.Commit);
        prod.Mode.Should().Be(PromotionMode.PullRequest);
        prod.Merge.Should().Be(PullRequestMerge.Immediate);
        prod.MergeMethod.Should().Be(MergeMethod.Rebase);
        prod.DeleteBranch.Should().BeFalse();
        prod.FallbackToPullRequest.Should().BeTrue();
        prod.Labels.Should().Equal("gitops");
        prod.Title!.Text.Should().Be("Deploy {tag} to {environment}");
        prod.Files[0].Edit.Should().BeEquivalentTo(new ContainerImageEdit("app") { Kind = "Rollout", ExpectedMatches = 2 });
    }

    [Theory]
    [InlineData("apps:\n  app:\n    image: ghcr.io/org/app\n    environments:\n      dev:\n        mdoe: commit\n        files: [{path: a.yaml, marker: app}]\n", 6, 9, "unknown key 'mdoe'")]
    [InlineData("apps:\n  app:\n    image: ghcr.io/org/app\n    environments:\n      dev:\n        mode: direct\n        files: [{path: a.yaml, marker: app}]\n", 6, 15, "mode must be one of commit, pull-request")]
    [InlineData("apps:\n  app:\n    environments:\n      dev: {files: [{path: a.yaml, marker: app}]}\n", 3, 5, "has no 'image:'")]
    [InlineData("apps:\n  app:\n    image: ghcr.io/org/app\n    environments:\n      dev:\n        when: {tag: '(unclosed'}\n        files: [{path: a.yaml, marker: app}]\n", 6, 21, "not a valid regular expression")]
    [InlineData("apps:\n  app:\n    image: ghcr.io/org/app\n    message: 'Deploy {version}'\n    environments:\n      dev: {files: [{path: a.yaml, marker: app}]}\n", 4, 14, "unknown placeholder '{version}'")]
    [InlineData("apps:\n  app:\n    image: ghcr.io/org/app\n    environments:\n      dev: {files: [{path: ../secrets.yaml, marker: app}]}\n", 5, 28, "'..' segment")]
    [InlineData("apps:\n  app:\n    image: ghcr.io/org/app\n    environments:\n      dev:\n        files:\n          - path: a.yaml\n            helm: image.tag\n            regex: 'x'\n", 7, 13, "exactly one edit")]
    [InlineData("apps:\n  app:\n    image: ghcr.io/org/app\n    environments:\n      dev:\n        files:\n          - path: a.yaml\n            regex: 'image: (.*)'\n", 8, 20, "name the part to replace")]
    [InlineData("apps:\n  app:\n    image: ghcr.io/org/app:1.0\n    environments:\n      dev: {files: [{path: a.yaml, marker: app}]}\n", 3, 12, "without ':tag'")]
    [InlineData("apps:\n  app:\n    image: ghcr.io/org/app\n    environments:\n      dev: {files: [{path: a.yaml, marker: app, expectedMatches: 0}]}\n", 5, 66, "whole number of 1 or more")]
    public void Errors_point_to_the_line_and_column_of_the_value(string yaml, int line, int column, string problem)
    {
        var act = () => PromotionSpec.Parse(yaml, "promotion.yaml");

        var error = act.Should().Throw<PromotionSpecException>().Which;
        error.Message.Should().Contain(problem);
        (error.Line, error.Column).Should().Be((line, column));
        error.Message.Should().StartWith($"promotion.yaml:{line}:{column}: ");
    }

    [Theory]
    [InlineData("apps:\n  app: { image: ghcr.io/org/app\n", 2, 8, "the '{' opened here is never closed")]
    [InlineData("apps:\n  app:\n    image: ghcr.io/org/app\n    environments: { dev: { files: [] }\n", 4, 19, "the '{' opened here is never closed")]
    [InlineData("apps:\n  app: [ghcr.io/org/app\n", 2, 8, "the '[' opened here is never closed")]
    [InlineData("apps:\n  app:\n    image: ghcr.io/org/app\n    environments:\n      dev:\n        when: { tag: x\n        files: []\n", 6, 15, "the '{' opened here is never closed")]
    public void An_unclosed_flow_collection_is_reported_at_its_opening_bracket(string text, int line, int column, string says)
    {
        var act = () => PromotionSpec.Parse(text, "gitops/promotion.yaml");

        var error = act.Should().Throw<PromotionSpecException>().Which;
        error.Message.Should().StartWith($"gitops/promotion.yaml:{line}:{column}: not valid YAML").And.Contain(says);
        (error.Line, error.Column).Should().Be((line, column));
    }

    [Fact]
    public void Invalid_yaml_is_reported_at_the_parser_position()
    {
        var act = () => PromotionSpec.Parse("apps:\n  app: [unclosed\n", "spec.yaml");

        var error = act.Should().Throw<PromotionSpecException>().Which;
        error.Message.Should().StartWith("spec.yaml:").And.Contain("not valid YAML");
        error.Line.Should().BeGreaterThan(0);
    }

    [Fact]
    public void A_repeated_key_is_an_error()
    {
        var act = () => PromotionSpec.Parse("apps:\n  app:\n    image: ghcr.io/org/a\n    image: ghcr.io/org/b\n    environments: {dev: {files: [{path: a.yaml, marker: a}]}}\n", "spec.yaml");

        var error = act.Should().Throw<PromotionSpecException>().Which;
        error.Message.Should().StartWith("spec.yaml:4:").And.Contain("image");
    }

    [Fact]
    public void Two_pull_request_environments_on_one_branch_are_refused()
    {
        var act = () => PromotionSpec.Parse("""
            defaults: { mode: pull-request, branch: auto/update }
            apps:
              a: { image: ghcr.io/org/a, environments: { lab: { files: [ { path: a.yaml, marker: a } ] } } }
              b: { image: ghcr.io/org/b, environments: { lab: { files: [ { path: b.yaml, marker: b } ] } } }
            """);

        act.Should().Throw<PromotionSpecException>().WithMessage("*b/lab and a/lab would both use the pull request branch 'auto/update'*");
    }

    [Fact]
    public void Templates_render_known_placeholders_and_literal_braces()
    {
        var template = MessageTemplate.Parse("ci({app}): bump {{image}} to {tag}");

        template.Render(new Dictionary<string, string?> { ["app"] = "demo", ["tag"] = "abc1234" }).Should().Be("ci(demo): bump {image} to abc1234");
        var act = () => MessageTemplate.Parse("{tag");
        act.Should().Throw<FormatException>().WithMessage("*not closed*");
    }

    [Fact]
    public void Routing_patterns_match_the_whole_tag_and_branch()
    {
        var rule = new RoutingRule(["main"], ["main", "release/.*"]);

        rule.Matches("main", "main").Should().BeTrue();
        rule.Matches("maintenance", "main").Should().BeFalse();
        rule.Matches("main", "release/1.2").Should().BeTrue();
        rule.Explain("main", null).Should().Contain("source branch is not known");
    }
}
