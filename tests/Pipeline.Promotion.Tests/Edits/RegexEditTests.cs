using Pipeline.Promotion.Edits;

namespace Pipeline.Promotion.Tests.Edits;

public sealed class RegexEditTests
{
    [Fact]
    public void Zero_matches_is_an_error_naming_file_and_pattern()
    {
        var act = () => new RegexEdit("imageTag: \"(?<tag>[^\"]*)\"").Apply(TestFiles.Yaml("tag: x\n", "environments/prod/values.yaml"), TestFiles.App);

        act.Should().Throw<ManifestMatchException>().WithMessage("environments/prod/values.yaml: regex /imageTag*matched nothing*");
    }

    [Theory]
    [InlineData("imageTag: (.*)", "name the part")]
    [InlineData("imageTag: (?<version>.*)", "unknown group(s): version")]
    [InlineData("imageTag: (?<tag>.*", "not a valid regular expression")]
    public void Bad_patterns_are_configuration_errors(string pattern, string message)
    {
        var act = () => new RegexEdit(pattern).Validate();

        act.Should().Throw<ManifestEditConfigException>().WithMessage($"*{message}*");
    }

    [Fact]
    public void Group_that_spans_a_value_and_its_comment_is_refused()
    {
        var act = () => new RegexEdit("tag: (?<tag>.*)").Apply(TestFiles.Yaml("tag: 1.0 # note\n"), TestFiles.App);

        act.Should().Throw<ManifestLocationException>().WithMessage("*covers YAML structure*");
    }

    [Fact]
    public void Group_over_a_key_is_refused()
    {
        var act = () => new RegexEdit("(?<tag>imageTag): x").Apply(TestFiles.Yaml("imageTag: x\n"), TestFiles.App);

        act.Should().Throw<ManifestLocationException>().WithMessage("*a mapping key*");
    }

    [Fact]
    public void Group_covering_a_whole_plain_value_quotes_a_tag_that_needs_it()
    {
        var result = new RegexEdit(@"imageTag: (?<tag>\S+)").Apply(TestFiles.Yaml("imageTag: old # ci\n"), TestFiles.Image("ghcr.io/org/app:1234567"));

        result.Document.Text.Should().Be("imageTag: \"1234567\" # ci\n");
    }

    [Fact]
    public void Group_that_swallows_a_quote_is_caught_by_the_re_parse_check()
    {
        var act = () => new RegexEdit(@"image: (?<repository>[^:]+):(?<tag>[^@]+)@(?<digest>\S+)")
            .Apply(TestFiles.Yaml("image: \"ghcr.io/org/old:1.0@sha256:" + new string('9', 64) + "\"\n"), TestFiles.App);

        act.Should().Throw<ManifestVerificationException>().WithMessage("*refusing to write*double-quoted*");
    }

    [Fact]
    public void Several_groups_in_one_value_are_all_replaced()
    {
        var result = new RegexEdit("image: \"(?<repository>[^:]+):(?<tag>[^@]+)@(?<digest>[^\"]+)\"")
            .Apply(TestFiles.Yaml("image: \"ghcr.io/org/old:1.0@sha256:" + new string('9', 64) + "\"\n"), TestFiles.App);

        result.Document.Text.Should().Be($"image: \"{TestFiles.App}\"\n");
        result.Changes.Select(c => c.Field).Should().Equal("repository", "tag", "digest");
    }

    [Fact]
    public void Non_yaml_file_needs_PlainText()
    {
        var env = TestFiles.Yaml("APP_IMAGE=x\nOTHER: y\n", ".env");

        var strict = () => new RegexEdit(@"^APP_IMAGE=(?<image>\S+)$").Apply(env, TestFiles.App);
        var plain = new RegexEdit(@"^APP_IMAGE=(?<image>\S+)$") { PlainText = true }.Apply(env, TestFiles.App);

        strict.Should().Throw<ManifestSyntaxException>();
        plain.Document.Text.Should().Be($"APP_IMAGE={TestFiles.App}\nOTHER: y\n");
    }

    [Fact]
    public void Group_in_an_anchored_value_shared_by_aliases_is_refused()
    {
        var act = () => new RegexEdit("tag: &t (?<tag>.*)").Apply(TestFiles.Yaml("tag: &t 1.0\nother: *t\n"), TestFiles.App);

        act.Should().Throw<ManifestAnchorException>().Which.AliasLines.Should().Equal(2);
    }
}
