using System.Text;
using Pipeline.Promotion.Edits;

namespace Pipeline.Promotion.Tests.Edits;

public sealed class ManifestDocumentTests
{
    [Theory]
    [InlineData("a: 1\n", false)]
    [InlineData("a: 1\r\nb: 2\r\n", true)]
    [InlineData("a: ü\n", true)]
    [InlineData("", true)]
    public void Bytes_survive_a_round_trip(string text, bool bom)
    {
        var bytes = (bom ? new byte[] { 0xEF, 0xBB, 0xBF } : []).Concat(Encoding.UTF8.GetBytes(text)).ToArray();

        var document = ManifestDocument.FromBytes("f.yaml", bytes);

        document.ToBytes().Should().Equal(bytes);
        document.HasByteOrderMark.Should().Be(bom);
        document.Text.Should().Be(text);
    }

    [Fact]
    public void Line_ending_is_detected_from_the_first_line()
    {
        ManifestDocument.FromText("f", "a\r\nb\n").NewLine.Should().Be("\r\n");
        ManifestDocument.FromText("f", "a\nb\r\n").NewLine.Should().Be("\n");
    }

    [Fact]
    public void Leading_U_FEFF_in_text_is_the_byte_order_mark()
    {
        var document = ManifestDocument.FromText("f", "\uFEFFa: 1\n");

        document.HasByteOrderMark.Should().BeTrue();
        document.Text.Should().Be("a: 1\n");
        document.ToFileText().Should().Be("\uFEFFa: 1\n");
    }

    [Fact]
    public void UTF16_and_invalid_UTF8_are_refused()
    {
        var utf16 = () => ManifestDocument.FromBytes("w.yaml", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("a: 1")).ToArray());
        var invalid = () => ManifestDocument.FromBytes("b.yaml", [0x61, 0x3A, 0x20, 0xC3, 0x28]);

        utf16.Should().Throw<ManifestSyntaxException>().WithMessage("*UTF-16*");
        invalid.Should().Throw<ManifestSyntaxException>().WithMessage("*not valid UTF-8*");
    }

    [Fact]
    public void Edited_document_keeps_path_and_byte_order_mark()
    {
        var document = ManifestDocument.FromText("lab/values.yaml", "\uFEFFtag: a\r\n");

        var result = HelmValuesEdit.ForTag("tag").Apply(document, TestFiles.App);

        result.Document.Path.Should().Be("lab/values.yaml");
        result.Document.ToBytes().Should().Equal(new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("tag: 1.4.2\r\n")));
    }
}
