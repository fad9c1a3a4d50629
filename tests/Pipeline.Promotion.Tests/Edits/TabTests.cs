using Pipeline.Promotion.Edits;

namespace Pipeline.Promotion.Tests.Edits;

/// <summary>
/// Tabs: where YAML allows one (separation, inside a flow collection, block scalar content) an edit keeps it byte
/// for byte; in indentation it is refused at the tab's own line with the fix. A blank line holding a tab is valid
/// YAML 1.2 (yaml-test-suite DK95) that YamlDotNet refuses, 18.1 as 16.3 did, so it gets the same clear error.
/// </summary>
public sealed class TabTests
{
    [Theory]
    [InlineData("image:\n  tag: 1.0\t# keep\n", "image:\n  tag: 1.4.2\t# keep\n")]
    [InlineData("image:\n  tag:\t1.0\n", "image:\n  tag:\t1.4.2\n")]
    [InlineData("image: {repository: x,\n\ttag: 1.0}\n", "image: {repository: x,\n\ttag: 1.4.2}\n")]
    [InlineData("notes: |\n  \tindented text\nimage:\n  tag: 1.0\n", "notes: |\n  \tindented text\nimage:\n  tag: 1.4.2\n")]
    [InlineData("notes: |\n  a\n \t\nimage:\n  tag: 1.0\n", "notes: |\n  a\n \t\nimage:\n  tag: 1.4.2\n")]
    public void A_tab_that_YAML_allows_stays_where_it_is(string text, string expected)
    {
        var result = HelmValuesEdit.ForTag("image.tag").Apply(TestFiles.Yaml(text), TestFiles.App);

        result.Document.Text.Should().Be(expected);
    }

    [Theory]
    [InlineData("image:\n\ttag: 1.0\n", 2, 1, "indent with spaces instead")]
    [InlineData("image:\n  tag: 1.0\n\t# a comment indented with a tab\n", 3, 1, "indent with spaces instead")]
    [InlineData("image:\n  tag: 1.0\n  \tpullPolicy: Always\n", 3, 3, "indent with spaces instead")]
    [InlineData("image:\n  tag: 1.0\n\t\nother: x\n", 3, 1, "delete the white space of that blank line")]
    [InlineData("image:\r\n  tag: 1.0\r\n \t\r\nother: x\r\n", 3, 2, "delete the white space of that blank line")]
    public void A_tab_in_the_indentation_is_refused_at_its_own_line_with_the_fix(string text, int line, int column, string fix)
    {
        var act = () => HelmValuesEdit.ForTag("image.tag").Apply(TestFiles.Yaml(text, "values.yaml"), TestFiles.App);

        var error = act.Should().Throw<ManifestSyntaxException>().Which;
        (error.Line, error.Column).Should().Be((line, column));
        error.Message.Should().StartWith($"values.yaml:{line}:{column}: not valid YAML (line {line} has a tab in its indentation")
            .And.Contain("YAML indents with spaces only").And.Contain(fix);
    }

    [Fact]
    public void A_promotion_spec_with_a_tab_in_its_indentation_is_refused_at_the_tab()
    {
        const string spec = "apps:\n  app:\n    image: ghcr.io/org/app\n\t\n    environments:\n      dev: {files: [{path: a.yaml, marker: app}]}\n";

        var act = () => PromotionSpec.Parse(spec, "promotion.yaml");

        var error = act.Should().Throw<PromotionSpecException>().Which;
        (error.Line, error.Column).Should().Be((4, 1));
        error.Message.Should().Be("promotion.yaml:4:1: not valid YAML (line 4 has a tab in its indentation, and YAML indents with spaces only; delete the white space of that blank line).");
    }

    [Fact]
    public void A_promotion_spec_with_tabs_as_separation_reads()
    {
        const string spec = "apps:\n  app:\n    image:\tghcr.io/org/app\t# the app\n    environments:\n      dev: {files: [{path: a.yaml,\tmarker: app}]}\n";

        var parsed = PromotionSpec.Parse(spec, "promotion.yaml");

        parsed.Apps.Should().ContainSingle().Which.Image.ToString().Should().Be("ghcr.io/org/app");
    }
}
