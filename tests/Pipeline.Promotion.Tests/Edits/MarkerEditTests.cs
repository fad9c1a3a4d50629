using Pipeline.Promotion.Edits;

namespace Pipeline.Promotion.Tests.Edits;

public sealed class MarkerEditTests
{
    [Theory]
    [InlineData("image: x # {\"$promote\": app}\n", "not a JSON object")]
    [InlineData("image: x # {\"$promote\": \"app\", \"other\": 1}\n", "a marker is exactly")]
    [InlineData("image: x # {\"$promote\": 1}\n", "a marker is exactly")]
    [InlineData("image: x # {\"$promote\": \"\"}\n", "name is empty")]
    [InlineData("image: x # see {\"$promote\": \"app\"}\n", "not a JSON object")]
    public void Malformed_marker_is_an_error_naming_its_line(string yaml, string reason)
    {
        var act = () => new MarkerEdit("app").Apply(TestFiles.Yaml("a: 1\n" + yaml), TestFiles.App);

        act.Should().Throw<ManifestLocationException>().Where(e => e.Line == 2).WithMessage($"*malformed $promote marker*{reason}*");
    }

    [Fact]
    public void No_marker_for_the_name_lists_the_markers_there_are()
    {
        var act = () => new MarkerEdit("app").Apply(TestFiles.Yaml("a: x # {\"$promote\": \"api\"}\nb: y # {\"$promote\": \"db:tag\"}\n"), TestFiles.App);

        var error = act.Should().Throw<ManifestMatchException>().Which;
        error.Found.Should().Equal("line 1 marker for 'api'", "line 2 marker for 'db'");
        error.Message.Should().Contain("{\"$promote\": \"app\"}");
    }

    [Theory]
    [InlineData("list: [a, b] # {\"$promote\": \"app\"}\n")]
    [InlineData("image: # {\"$promote\": \"app\"}\n  repository: x\n")]
    public void Marker_that_follows_no_value_is_an_error(string yaml)
    {
        var act = () => new MarkerEdit("app").Apply(TestFiles.Yaml(yaml), TestFiles.App);

        act.Should().Throw<ManifestLocationException>().WithMessage("*does not follow a value*").Which.Line.Should().Be(1);
    }

    [Fact]
    public void Marker_text_inside_a_quoted_value_is_data_not_a_marker()
    {
        var yaml = "note: \"x # {\\\"$promote\\\": \\\"app\\\"}\"\nimage: a # {\"$promote\": \"app:tag\"}\n";

        var result = new MarkerEdit("app").Apply(TestFiles.Yaml(yaml), TestFiles.App);

        result.Document.Text.Should().Be(yaml.Replace("image: a", "image: 1.4.2", StringComparison.Ordinal));
    }

    [Fact]
    public void ExpectedMatches_bounds_the_number_of_markers()
    {
        var yaml = "a: x # {\"$promote\": \"app:tag\"}\nb: y # {\"$promote\": \"app:tag\"}\n";

        var act = () => (new MarkerEdit("app") with { ExpectedMatches = 1 }).Apply(TestFiles.Yaml(yaml), TestFiles.App);

        act.Should().Throw<ManifestMatchException>().Which.Matched.Should().Be(2);
    }

    [Fact]
    public void Marker_without_field_follows_Parts()
    {
        var result = new MarkerEdit("app") { Parts = ImageParts.Digest }.Apply(TestFiles.Yaml("image: x # {\"$promote\": \"app\"}\n"), TestFiles.App);

        result.Document.Text.Should().Be($"image: ghcr.io/org/app@{TestFiles.NewDigest} # {{\"$promote\": \"app\"}}\n");
    }

    [Fact]
    public void Marker_selector_in_the_change_names_the_field()
    {
        var result = new MarkerEdit("app").Apply(TestFiles.Yaml("d: '' # {\"$promote\": \"app:digest\"}\n"), TestFiles.App);

        var change = result.Changes.Should().ContainSingle().Which;
        change.Selector.Should().Be("{\"$promote\": \"app:digest\"}");
        change.Field.Should().Be("digest");
        change.OldValue.Should().Be("");
    }
}
