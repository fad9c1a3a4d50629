using Pipeline.Promotion.Edits;

namespace Pipeline.Promotion.Tests.Edits;

public sealed class HelmValuesEditTests
{
    private static readonly string Values = """
        backend:
          image:
            repository: ghcr.io/org/app
            tag: "1.0.0"
        frontend:
          image: {tag: "1.0.0"}

        """;

    [Fact]
    public void Missing_key_names_the_file_the_path_and_the_keys_that_exist()
    {
        var act = () => HelmValuesEdit.ForTag("backend.image.version").Apply(TestFiles.Yaml(Values, "lab/app/values.yaml"), TestFiles.App);

        var error = act.Should().Throw<ManifestMatchException>().Which;
        error.File.Should().Be("lab/app/values.yaml");
        error.Selector.Should().Be("backend.image.version");
        error.Matched.Should().Be(0);
        error.Found.Should().ContainSingle().Which.Should().Contain("backend.image has no key 'version'").And.Contain("repository, tag");
        error.Message.Should().Contain("lab/app/values.yaml").And.Contain("backend.image.version").And.Contain("repository, tag");
    }

    [Fact]
    public void Path_that_selects_a_mapping_is_refused_with_its_keys()
    {
        var act = () => new HelmValuesEdit { Tag = "backend.image" }.Apply(TestFiles.Yaml(Values), TestFiles.App);

        act.Should().Throw<ManifestLocationException>().WithMessage("*selects a mapping (keys: repository, tag)*extend the path*");
    }

    [Fact]
    public void Same_path_in_two_documents_is_ambiguous_unless_ExpectedMatches_allows_both()
    {
        var text = "image:\n  tag: a\n---\nimage:\n  tag: b\n";

        var ambiguous = () => HelmValuesEdit.ForTag("image.tag").Apply(TestFiles.Yaml(text), TestFiles.App);
        var both = (HelmValuesEdit.ForTag("image.tag") with { ExpectedMatches = 2 }).Apply(TestFiles.Yaml(text), TestFiles.App);

        var error = ambiguous.Should().Throw<ManifestMatchException>().Which;
        error.Matched.Should().Be(2);
        error.Found.Should().HaveCount(2).And.Contain(f => f.Contains("line 2")).And.Contain(f => f.Contains("line 5"));
        both.Document.Text.Should().Be("image:\n  tag: 1.4.2\n---\nimage:\n  tag: 1.4.2\n");
        both.Changes.Select(c => c.Document).Should().Equal(0, 1);
    }

    [Fact]
    public void Duplicate_keys_are_refused_as_invalid_yaml_naming_both_lines()
    {
        var act = () => HelmValuesEdit.ForTag("image.tag").Apply(TestFiles.Yaml("image:\n  tag: a\n  tag: b\n"), TestFiles.App);

        act.Should().Throw<ManifestSyntaxException>().Where(e => e.Line == 3).WithMessage("*'tag' appears twice*first on line 2*");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(5000)]
    public void A_duplicate_key_among_many_at_one_level_is_refused_naming_both_lines(int keys)
    {
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < keys; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"svc-{i}:\n  enabled: true\n");
        }

        text.Append("image:\n  tag: a\nsvc-1:\n  enabled: false\n");
        var act = () => HelmValuesEdit.ForTag("image.tag").Apply(TestFiles.Yaml(text.ToString()), TestFiles.App);

        act.Should().Throw<ManifestSyntaxException>().Where(e => e.Line == 2 * keys + 3).WithMessage("*'svc-1' appears twice*first on line 3*");
    }

    [Fact]
    public void Digest_path_needs_an_image_pinned_by_digest()
    {
        var act = () => HelmValuesEdit.ForImage("backend.image").Apply(TestFiles.Yaml(Values), TestFiles.Image("ghcr.io/org/app:1.4.2"));

        act.Should().Throw<ManifestValueException>().Where(e => e.Field == "digest").WithMessage("*has no digest*CaptureDigest*");
    }

    [Fact]
    public void Block_scalar_value_is_refused()
    {
        var act = () => HelmValuesEdit.ForTag("image.tag").Apply(TestFiles.Yaml("image:\n  tag: |\n    1.0.0\n"), TestFiles.App);

        act.Should().Throw<ManifestLocationException>().WithMessage("*literal block*plain or quoted*").Which.Line.Should().Be(2);
    }

    [Fact]
    public void Value_tagged_as_a_number_is_refused_but_an_explicit_string_tag_is_kept()
    {
        var refused = () => HelmValuesEdit.ForTag("tag").Apply(TestFiles.Yaml("tag: !!int 5\n"), TestFiles.App);
        var kept = HelmValuesEdit.ForTag("tag").Apply(TestFiles.Yaml("tag: !!str 1.0 # str\n"), TestFiles.App);

        refused.Should().Throw<ManifestLocationException>().WithMessage("*tag:yaml.org,2002:int*");
        kept.Document.Text.Should().Be("tag: !!str 1.4.2 # str\n");
    }

    [Fact]
    public void Key_inherited_through_a_merge_key_is_not_followed_and_the_error_says_so()
    {
        var text = "base: &base\n  tag: 1.0\napp:\n  <<: *base\n";

        var act = () => HelmValuesEdit.ForTag("app.tag").Apply(TestFiles.Yaml(text), TestFiles.App);

        act.Should().Throw<ManifestMatchException>().Which.Found.Should().ContainSingle(f => f.Contains("merges '<<' keys"));
    }

    [Fact]
    public void Invalid_yaml_is_reported_with_its_line_and_column()
    {
        var act = () => HelmValuesEdit.ForTag("a").Apply(TestFiles.Yaml("a: 1\nb: [unclosed\nc: 2\n", "bad.yaml"), TestFiles.App);

        var error = act.Should().Throw<ManifestSyntaxException>().Which;
        error.File.Should().Be("bad.yaml");
        error.Line.Should().BeGreaterThan(1);
        error.Message.Should().StartWith("bad.yaml:");
    }

    [Fact]
    public void Two_fields_selecting_one_value_with_different_contents_are_a_configuration_error()
    {
        var act = () => new HelmValuesEdit { Tag = "image.tag", Reference = "image.tag" }.Apply(TestFiles.Yaml("image:\n  tag: x\n"), TestFiles.App);

        act.Should().Throw<ManifestEditConfigException>().WithMessage("*both select image.tag*");
    }

    [Theory]
    [InlineData("")]
    [InlineData("a..b")]
    [InlineData("a.")]
    [InlineData("\"open")]
    [InlineData("a[x]")]
    [InlineData("a b")]
    public void Malformed_paths_are_configuration_errors(string path)
    {
        var act = () => HelmValuesEdit.ForTag(path).Validate();

        act.Should().Throw<ManifestEditConfigException>().Which.Setting.Should().Be("Tag");
    }

    [Fact]
    public void An_edit_without_fields_is_a_configuration_error()
    {
        var act = () => new HelmValuesEdit().Apply(TestFiles.Yaml(Values), TestFiles.App);

        act.Should().Throw<ManifestEditConfigException>().WithMessage("*at least one of*");
    }

    [Theory]
    [InlineData("\"a.b\".c", "{\"a.b\": {c: x}}")]
    [InlineData("'it''s'", "\"it's\": x")]
    [InlineData("\"say \\\"hi\\\"\"", "'say \"hi\"': x")]
    [InlineData("[1].tag", "- tag: a\n- tag: x\n")]
    [InlineData("a[0][1]", "a: [[q, r], [s]]\n")]
    public void Quoted_keys_and_indices_select_the_value(string path, string yaml)
    {
        var result = HelmValuesEdit.ForTag(path).Apply(TestFiles.Yaml(yaml), TestFiles.App);

        result.Changes.Should().ContainSingle().Which.NewValue.Should().Be("1.4.2");
        result.Changes[0].OldValue.Should().BeOneOf("x", "r");
    }

    [Fact]
    public void Directives_and_document_markers_are_kept()
    {
        var yaml = "%YAML 1.2\n--- # start\nimage:\n  tag: a\n... # end\n";

        var result = HelmValuesEdit.ForTag("image.tag").Apply(TestFiles.Yaml(yaml), TestFiles.App);

        result.Document.Text.Should().Be("%YAML 1.2\n--- # start\nimage:\n  tag: 1.4.2\n... # end\n");
    }

    [Fact]
    public void Change_location_describes_the_path_in_the_document()
    {
        var result = new HelmValuesEdit { Reference = "jobs[1].image" }.Apply(TestFiles.Yaml("jobs:\n- image: a\n- image: b\n"), TestFiles.App);

        var change = result.Changes.Should().ContainSingle().Which;
        change.Location.Should().Be("jobs[1].image");
        change.Field.Should().Be("reference");
        (change.Line, change.Column).Should().Be((3, 10));
        change.ToString().Should().Be($"manifest.yaml:3 jobs[1].image: b -> {TestFiles.App}");
    }
}
