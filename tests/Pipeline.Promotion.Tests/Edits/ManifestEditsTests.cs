using Pipeline.Promotion.Edits;

namespace Pipeline.Promotion.Tests.Edits;

public sealed class ManifestEditsTests
{
    [Fact]
    public void Several_edits_apply_in_order_and_report_all_changes()
    {
        var document = TestFiles.Yaml("image:\n  tag: a\nref: b # {\"$promote\": \"app\"}\n");

        var result = ManifestEdits.ApplyAll(document, TestFiles.App, [HelmValuesEdit.ForTag("image.tag"), new MarkerEdit("app")]);

        result.Original.Should().BeSameAs(document);
        result.Document.Text.Should().Be($"image:\n  tag: 1.4.2\nref: {TestFiles.App} # {{\"$promote\": \"app\"}}\n");
        result.Changes.Select(c => c.Field).Should().Equal("tag", "reference");
        result.Matches.Should().Be(2);
    }

    [Fact]
    public void A_failing_edit_fails_the_whole_file()
    {
        var act = () => ManifestEdits.ApplyAll(TestFiles.Yaml("image:\n  tag: a\n"), TestFiles.App, [HelmValuesEdit.ForTag("image.tag"), HelmValuesEdit.ForTag("missing")]);

        act.Should().Throw<ManifestMatchException>();
    }
}
