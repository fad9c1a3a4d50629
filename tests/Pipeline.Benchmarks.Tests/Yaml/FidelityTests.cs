using System.Text;
using Pipeline.Benchmarks.Yaml;

namespace Pipeline.Benchmarks.Tests.Yaml;

public sealed class FidelityTests
{
    private const string Original = "# keep me\r\nimage:\r\n  tag: \"0.9.0\"  # pinned\r\n  pullPolicy: IfNotPresent\r\n";

    private static readonly GeneratedFile File = new("values.yaml", Original, ByteOrderMark: true,
        new PlanEntry { File = "values.yaml", Kind = "helm" }, [new Slot(Original.IndexOf("\"0.9.0\"", StringComparison.Ordinal), Original.IndexOf("\"0.9.0\"", StringComparison.Ordinal) + 7, "1.4.2")]);

    private static byte[] Bytes(string text, bool bom = true) => [.. bom ? Encoding.UTF8.GetPreamble() : [], .. Encoding.UTF8.GetBytes(text)];

    [Fact]
    public void The_expected_file_is_the_original_with_only_the_value_replaced_in_its_quotes()
    {
        Encoding.UTF8.GetString(Fidelity.Expected(File)).Should().Be("\uFEFF# keep me\r\nimage:\r\n  tag: \"1.4.2\"  # pinned\r\n  pullPolicy: IfNotPresent\r\n");
        Fidelity.Judge(File, Fidelity.Expected(File)).Should().Be(new FileFidelity(false, false, 0));
    }

    [Fact]
    public void A_moved_comment_counts_the_bytes_of_the_line_it_left()
    {
        var output = Bytes("# keep me\r\nimage:\r\n  # pinned\r\n  tag: \"1.4.2\"\r\n  pullPolicy: IfNotPresent\r\n");

        Fidelity.Judge(File, output).Should().Be(new FileFidelity(true, false, "  tag: \"1.4.2\"  # pinned\r\n".Length));
    }

    [Fact]
    public void Lost_line_endings_and_byte_order_mark_count_every_line_and_three_bytes()
    {
        var output = Bytes("# keep me\nimage:\n  tag: \"1.4.2\"  # pinned\n  pullPolicy: IfNotPresent\n", bom: false);

        Fidelity.Judge(File, output).Should().Be(new FileFidelity(true, false, Original.Length + 3));
    }

    [Fact]
    public void A_value_folded_over_two_lines_is_still_the_value_but_an_old_value_is_a_missing_edit()
    {
        var folded = Bytes("# keep me\r\nimage:\r\n  tag: \"1.4.\\\r\n    2\"  # pinned\r\n  pullPolicy: IfNotPresent\r\n");

        Fidelity.Judge(File, folded).EditMissing.Should().BeFalse();
        Fidelity.Judge(File, Bytes(Original)).EditMissing.Should().BeTrue();
    }
}
