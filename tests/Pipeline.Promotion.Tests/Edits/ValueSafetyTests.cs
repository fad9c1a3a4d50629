using Pipeline.Containers;
using Pipeline.Promotion.Edits;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Promotion.Tests.Edits;

/// <summary>Nothing but a valid image part reaches a manifest, and what is written reads back as the same string.</summary>
public sealed class ValueSafetyTests
{
    [Theory]
    [InlineData("ghcr.io/org/app:1.0\nevil: true")]
    [InlineData("ghcr.io/org/app:1.0\r\n- x")]
    [InlineData("ghcr.io/org/app:1.0 # comment")]
    [InlineData("ghcr.io/org/app:1.0\"")]
    [InlineData("ghcr.io/org/app:'1.0'")]
    [InlineData("ghcr.io/org/app:1.0: x")]
    [InlineData("ghcr.io/org/app:{a}")]
    [InlineData("ghcr.io/org/app:*alias")]
    [InlineData("ghcr.io/org/app@sha256:zz")]
    [InlineData("ghcr.io/org/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde\n")]
    [InlineData("ghcr.io/Org/app:1.0")]
    public void Smuggling_attempts_are_rejected_before_any_edit_can_see_them(string reference)
    {
        var act = () => ImageReference.Parse(reference);

        act.Should().Throw<InvalidImageReferenceException>();
    }

    [Theory]
    [InlineData("1.10")]
    [InlineData("1234567")]
    [InlineData("8e7")]
    [InlineData("1e10")]
    [InlineData("true")]
    [InlineData("False")]
    [InlineData("yes")]
    [InlineData("on")]
    [InlineData("null")]
    [InlineData("0x1F")]
    [InlineData("0o17")]
    [InlineData("1_000")]
    [InlineData("1.")]
    [InlineData("Y")]
    [InlineData("2024-01-31")]
    public void Tag_that_would_not_read_as_a_string_is_double_quoted_in_a_plain_scalar(string tag)
    {
        var result = HelmValuesEdit.ForTag("image.tag").Apply(TestFiles.Yaml("image:\n  tag: latest # keep\n"), TestFiles.Image("ghcr.io/org/app:" + tag));

        result.Document.Text.Should().Be($"image:\n  tag: \"{tag}\" # keep\n");
        ReadTag(result.Document.Text).Should().Be((tag, YamlDotNet.Core.ScalarStyle.DoubleQuoted));
    }

    [Theory]
    [InlineData("1.2.3")]
    [InlineData("v1.10")]
    [InlineData("sha-8e7a1f2")]
    [InlineData("main_2024-01-01")]
    [InlineData("1.4.2-dev")]
    [InlineData("2024-1-31")]
    [InlineData("2024-01-31-rc1")]
    public void Tag_that_reads_as_a_string_stays_plain(string tag)
    {
        var result = HelmValuesEdit.ForTag("image.tag").Apply(TestFiles.Yaml("image:\n  tag: latest\n"), TestFiles.Image("ghcr.io/org/app:" + tag));

        result.Document.Text.Should().Be($"image:\n  tag: {tag}\n");
    }

    [Fact]
    public void IPv6_registry_gets_quotes_in_a_plain_scalar_and_reads_back_exactly()
    {
        var image = TestFiles.Image("[::1]:5000/org/app:1.0@" + TestFiles.NewDigest);

        var result = new ContainerImageEdit("app").Apply(TestFiles.Yaml(Pod("ghcr.io/org/app:0.1")), image);

        ReadContainerImage(result.Document.Text).Should().Be(image.ToString());
        result.Document.Text.Should().Contain($"image: \"{image}\"");
    }

    [Fact]
    public void Single_quoted_value_stays_single_quoted()
    {
        var result = HelmValuesEdit.ForTag("tag").Apply(TestFiles.Yaml("tag: 'x'\n"), TestFiles.Image("ghcr.io/org/app:1234"));

        result.Document.Text.Should().Be("tag: '1234'\n");
    }

    private static (string, YamlDotNet.Core.ScalarStyle) ReadTag(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var tag = (YamlScalarNode)((YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["image"])["tag"];
        return (tag.Value!, tag.Style);
    }

    private static string ReadContainerImage(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var spec = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["spec"];
        var container = (YamlMappingNode)((YamlSequenceNode)spec["containers"]).Children[0];
        return ((YamlScalarNode)container["image"]).Value!;
    }

    private static string Pod(string image) => $"""
        apiVersion: v1
        kind: Pod
        metadata: {"{"}name: p{"}"}
        spec:
          containers:
          - name: app
            image: {image}

        """;
}
