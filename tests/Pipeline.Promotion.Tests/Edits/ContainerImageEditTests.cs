using Pipeline.Promotion.Edits;

namespace Pipeline.Promotion.Tests.Edits;

public sealed class ContainerImageEditTests
{
    private const string Old = "ghcr.io/org/app:0.1.0";

    public static TheoryData<string, string> Workloads() => new()
    {
        { "Pod", "spec:\n  containers:\n  - name: app\n    image: IMAGE # here\n" },
        { "Deployment", Template("spec:\n  template:\n    spec:\n", "      ") },
        { "StatefulSet", Template("spec:\n  template:\n    spec:\n", "      ") },
        { "DaemonSet", Template("spec:\n  template:\n    spec:\n", "      ") },
        { "ReplicaSet", Template("spec:\n  template:\n    spec:\n", "      ") },
        { "ReplicationController", Template("spec:\n  template:\n    spec:\n", "      ") },
        { "Job", Template("spec:\n  template:\n    spec:\n", "      ") },
        { "Rollout", Template("spec:\n  template:\n    spec:\n", "      ") },
        { "CronJob", Template("spec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n", "          ") },
    };

    [Theory]
    [MemberData(nameof(Workloads))]
    public void Every_known_workload_kind_gets_the_pinned_reference_and_nothing_else_changes(string kind, string body)
    {
        var input = $"apiVersion: v1\nkind: {kind}\nmetadata:\n  name: w\n{body.Replace("IMAGE", Old, StringComparison.Ordinal)}";

        var result = new ContainerImageEdit("app").Apply(TestFiles.Yaml(input), TestFiles.App);

        result.Document.Text.Should().Be(input.Replace(Old, TestFiles.App.ToString(), StringComparison.Ordinal));
        result.Changes.Should().ContainSingle().Which.OldValue.Should().Be(Old);
    }

    [Fact]
    public void Unknown_container_lists_the_containers_of_each_workload()
    {
        var input = Deployment("web", ("web", Old), ("sidecar", "ghcr.io/org/sidecar:1")) + "---\n" + Deployment("worker", ("worker", Old));

        var act = () => new ContainerImageEdit("api").Apply(TestFiles.Yaml(input, "manifests/app.yaml"), TestFiles.App);

        var error = act.Should().Throw<ManifestMatchException>().Which;
        error.File.Should().Be("manifests/app.yaml");
        error.Selector.Should().Be("container api");
        error.Found.Should().Contain("Deployment/web containers: web, sidecar").And.Contain("Deployment/worker containers: worker");
        error.Message.Should().Contain("Deployment/web containers: web, sidecar");
    }

    [Fact]
    public void Same_container_name_in_two_workloads_is_ambiguous_and_Workload_selects_one()
    {
        var input = Deployment("blue", ("app", Old)) + "---\n" + Deployment("green", ("app", Old));

        var ambiguous = () => new ContainerImageEdit("app").Apply(TestFiles.Yaml(input), TestFiles.App);
        var green = new ContainerImageEdit("app") { Workload = "green" }.Apply(TestFiles.Yaml(input), TestFiles.App);

        ambiguous.Should().Throw<ManifestMatchException>().Which.Matched.Should().Be(2);
        green.Changes.Should().ContainSingle().Which.Document.Should().Be(1);
        green.Document.Text.Should().StartWith(Deployment("blue", ("app", Old)));
    }

    [Fact]
    public void Kind_filter_skips_other_workloads_and_says_so()
    {
        var act = () => new ContainerImageEdit("app") { Kind = "StatefulSet" }.Apply(TestFiles.Yaml(Deployment("web", ("app", Old))), TestFiles.App);

        act.Should().Throw<ManifestMatchException>().Which.Found.Should().Contain("Deployment/web (not selected)");
    }

    [Fact]
    public void Rollout_with_workloadRef_points_to_the_referenced_workload()
    {
        var rollout = "apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: r\nspec:\n  workloadRef:\n    kind: Deployment\n    name: web\n";

        var act = () => new ContainerImageEdit("app").Apply(TestFiles.Yaml(rollout), TestFiles.App);

        act.Should().Throw<ManifestMatchException>().Which.Found.Should().ContainSingle().Which.Should().Contain("Rollout/r uses spec.workloadRef");
    }

    [Fact]
    public void Init_containers_can_be_excluded()
    {
        var input = "kind: Pod\nmetadata: {name: p}\nspec:\n  initContainers:\n  - name: app\n    image: x\n  containers:\n  - name: main\n    image: y\n";

        var act = () => new ContainerImageEdit("app") { IncludeInitContainers = false }.Apply(TestFiles.Yaml(input), TestFiles.App);

        act.Should().Throw<ManifestMatchException>().Which.Found.Should().Equal("Pod/p containers: main");
    }

    [Theory]
    [InlineData(ImageParts.Tag, "ghcr.io/org/app:1.4.2")]
    [InlineData(ImageParts.Digest, "ghcr.io/org/app@" + TestFiles.NewDigest)]
    [InlineData(ImageParts.Tag | ImageParts.Digest, "ghcr.io/org/app:1.4.2@" + TestFiles.NewDigest)]
    public void Parts_choose_the_reference_form(ImageParts parts, string expected)
    {
        var result = new ContainerImageEdit("app") { Parts = parts }.Apply(TestFiles.Yaml(Deployment("web", ("app", Old))), TestFiles.App);

        result.Changes.Should().ContainSingle().Which.NewValue.Should().Be(expected);
    }

    [Fact]
    public void Container_without_an_image_key_is_an_error()
    {
        var act = () => new ContainerImageEdit("app").Apply(TestFiles.Yaml("kind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: app\n"), TestFiles.App);

        act.Should().Throw<ManifestLocationException>().WithMessage("*has 0 'image' keys*");
    }

    [Fact]
    public void Tag_only_image_cannot_be_pinned_by_digest()
    {
        var act = () => new ContainerImageEdit("app").Apply(TestFiles.Yaml(Deployment("web", ("app", Old))), TestFiles.Image("ghcr.io/org/app:1.4.2"));

        act.Should().Throw<ManifestValueException>().WithMessage("*has no digest*");
    }

    [Fact]
    public void Unknown_kind_is_a_configuration_error()
    {
        var act = () => new ContainerImageEdit("app") { Kind = "Deploymnet" }.Validate();

        act.Should().Throw<ManifestEditConfigException>().WithMessage("*Deploymnet*Deployment*");
    }

    private static string Template(string path, string indent) =>
        path + $"{indent}containers:\n{indent}- name: sidecar\n{indent}  image: ghcr.io/org/sidecar:1 # other\n"
        + $"{indent}- name: app\n{indent}  image: IMAGE # here\n";

    private static string Deployment(string name, params (string Name, string Image)[] containers) =>
        $"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {name}\nspec:\n  template:\n    spec:\n      containers:\n"
        + string.Concat(containers.Select(c => $"        - name: {c.Name}\n          image: {c.Image}\n"));
}
