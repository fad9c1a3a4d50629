using Pipeline.Promotion.Edits;

namespace Pipeline.Promotion.Tests.Edits;

/// <summary>Anchors and aliases: an edit never changes a value through a door it did not open.</summary>
public sealed class AnchorTests
{
    private const string Shared = "x-image: &image\n  repository: ghcr.io/org/app\n  tag: 1.0.0\napi:\n  image: *image\nworker:\n  image: *image\n";

    [Fact]
    public void Path_through_an_alias_is_refused_and_names_the_anchor()
    {
        var act = () => HelmValuesEdit.ForTag("api.image.tag").Apply(TestFiles.Yaml(Shared), TestFiles.App);

        var error = act.Should().Throw<ManifestAnchorException>().Which;
        error.Anchor.Should().Be("image");
        error.AnchorLine.Should().Be(1);
        error.AliasLines.Should().Equal(5);
        error.Message.Should().Contain("goes through the alias *image").And.Contain("x-image");
    }

    [Fact]
    public void Value_shared_through_an_anchor_is_refused_by_default_and_lists_the_aliases()
    {
        var act = () => HelmValuesEdit.ForTag("x-image.tag").Apply(TestFiles.Yaml(Shared), TestFiles.App);

        var error = act.Should().Throw<ManifestAnchorException>().Which;
        error.AliasLines.Should().Equal(5, 7);
        error.Message.Should().Contain("EditSharedAnchors");
    }

    [Fact]
    public void Shared_value_is_edited_at_the_anchor_when_allowed_and_the_aliases_are_reported()
    {
        var result = (HelmValuesEdit.ForTag("x-image.tag") with { EditSharedAnchors = true }).Apply(TestFiles.Yaml(Shared), TestFiles.App);

        result.Document.Text.Should().Be(Shared.Replace("tag: 1.0.0", "tag: 1.4.2", StringComparison.Ordinal));
        result.Changes.Should().ContainSingle().Which.SharedWith.Should().Equal("line 5 (*image)", "line 7 (*image)");
    }

    [Fact]
    public void Anchored_value_without_aliases_is_edited_and_keeps_its_anchor()
    {
        var result = HelmValuesEdit.ForTag("tag").Apply(TestFiles.Yaml("tag: &t \"1.0\" # anchored\n"), TestFiles.App);

        result.Document.Text.Should().Be("tag: &t \"1.4.2\" # anchored\n");
    }

    [Fact]
    public void Value_that_is_itself_an_alias_is_refused()
    {
        var act = () => HelmValuesEdit.ForTag("image.tag").Apply(TestFiles.Yaml("default: &v 1.0\nimage:\n  tag: *v\n"), TestFiles.App);

        act.Should().Throw<ManifestAnchorException>().Which.Anchor.Should().Be("v");
    }

    [Fact]
    public void Container_list_shared_by_two_workloads_is_refused()
    {
        var yaml = "kind: List\nitems:\n- kind: Pod\n  metadata: {name: a}\n  spec:\n    containers: &c\n    - name: app\n      image: x\n"
            + "- kind: Pod\n  metadata: {name: b}\n  spec:\n    containers: *c\n";

        var act = () => new ContainerImageEdit("app") { Workload = "a" }.Apply(TestFiles.Yaml(yaml), TestFiles.App);

        act.Should().Throw<ManifestAnchorException>().Which.AliasLines.Should().Equal(12);
    }

    [Fact]
    public void Anchors_are_per_document_so_a_later_document_does_not_share()
    {
        var yaml = "tag: &t 1.0\n---\nx: &t 2\ny: *t\n";

        var result = HelmValuesEdit.ForTag("tag").Apply(TestFiles.Yaml(yaml), TestFiles.App);

        result.Document.Text.Should().Be("tag: &t 1.4.2\n---\nx: &t 2\ny: *t\n");
    }
}
