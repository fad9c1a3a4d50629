using Pipeline.Promotion.Edits;
using Pipeline.Promotion.Tests.Edits;

namespace Pipeline.Promotion.Tests.Fuzz;

/// <summary>What the fuzzing found, kept as plain tests: each input used to be edited, or to throw an undocumented exception.</summary>
public sealed class FuzzFindingsTests
{
    [Theory]
    [InlineData("image:\n  tag: 1.0.0\nimage:\n  tag: 0.9.0\n", "the key 'image' appears twice")]
    [InlineData("a: 1\nimage:\n  tag: 1.0.0\n  tag: 0.9.0\n", "the key 'tag' appears twice")]
    [InlineData("image:\n  tag: 1.0.0\nother: *t\n", "the alias *t refers to no anchor")]
    [InlineData("x: {a: !!st[r 7}\nimage:\n  tag: 1.0.0\n", "not valid YAML")]
    public void A_file_YAML_refuses_is_refused_with_its_line_instead_of_edited(string text, string reason)
    {
        var act = () => HelmValuesEdit.ForTag("image.tag").Apply(ManifestDocument.FromText("values.yaml", text), TestFiles.App);

        act.Should().Throw<ManifestSyntaxException>().Which.Message.Should().StartWith("values.yaml:").And.Contain(reason);
    }

    [Fact]
    public void A_duplicate_key_elsewhere_in_a_workload_file_is_refused_too()
    {
        const string text = "apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        image: ghcr.io/org/app:1.0.0\n";

        var act = () => new ContainerImageEdit("app").Apply(ManifestDocument.FromText("rs.yaml", text), TestFiles.App);

        act.Should().Throw<ManifestSyntaxException>().Which.Line.Should().Be(4);
    }
}
