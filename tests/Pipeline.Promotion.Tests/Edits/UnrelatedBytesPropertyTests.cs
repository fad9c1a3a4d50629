using System.Text;
using Pipeline.Promotion.Edits;

namespace Pipeline.Promotion.Tests.Edits;

/// <summary>Property-style checks: whatever surrounds the target, no byte outside its text ever changes.</summary>
public sealed class UnrelatedBytesPropertyTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(0, 400)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Only_the_target_text_changes_in_a_random_manifest(int seed)
    {
        var generator = new RandomManifest(seed);
        var text = generator.Generate();
        var bytes = (generator.Bom ? "\uFEFF" : "") + text;
        var tag = seed % 5 == 0 ? "1234567" : "1.4.2";
        var document = ManifestDocument.FromBytes("random.yaml", Encoding.UTF8.GetBytes(bytes));

        var result = HelmValuesEdit.ForTag("image.tag").Apply(document, TestFiles.Image("ghcr.io/org/app:" + tag));

        var rendered = generator.TargetQuote switch
        {
            '\'' => $"'{tag}'",
            '"' => $"\"{tag}\"",
            _ => tag == "1234567" ? $"\"{tag}\"" : tag,
        };
        var expected = text[..generator.TargetStart] + rendered + text[generator.TargetEnd..];
        result.Document.Text.Should().Be(expected, $"seed {seed} generated:\n{text}");
        result.Document.HasByteOrderMark.Should().Be(generator.Bom);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_manifest_edit_is_idempotent(int seed)
    {
        var text = new RandomManifest(seed).Generate();
        var edit = HelmValuesEdit.ForTag("image.tag");

        var first = edit.Apply(ManifestDocument.FromText("random.yaml", text), TestFiles.App);
        var second = edit.Apply(first.Document, TestFiles.App);

        second.Changed.Should().BeFalse();
        second.Document.Text.Should().Be(first.Document.Text);
    }

    [Theory]
    [InlineData("helm/backend-tag", 1)]
    [InlineData("helm/image-triple-crlf-bom", 2)]
    [InlineData("helm/anchors", 3)]
    [InlineData("workloads/deployment-multidoc", 4)]
    [InlineData("workloads/cronjob-crlf", 5)]
    [InlineData("workloads/rollout", 6)]
    public void Noise_added_to_comments_and_blocks_never_reaches_the_output_beyond_the_edited_lines(string name, int seed)
    {
        var random = new Random(seed);
        var edit = name.StartsWith("helm", StringComparison.Ordinal)
            ? (IManifestEdit)(name == "helm/image-triple-crlf-bom" ? HelmValuesEdit.ForImage("image") : HelmValuesEdit.ForTag("backend.image.tag"))
            : new ContainerImageEdit(name switch { "workloads/rollout" => "ai-service", "workloads/cronjob-crlf" => "report", _ => "platform-demo" });
        var original = TestFiles.Load(name + ".input.yaml");
        for (var round = 0; round < 25; round++)
        {
            var noisy = original.WithText(AddNoise(original.Text, random));

            var result = edit.Apply(noisy, TestFiles.App);

            var before = noisy.Text.Split('\n');
            var after = result.Document.Text.Split('\n');
            var edited = result.Changes.Select(c => c.Line - 1).ToHashSet();
            after.Should().HaveSameCount(before);
            for (var i = 0; i < before.Length; i++)
            {
                if (!edited.Contains(i))
                {
                    after[i].Should().Be(before[i], $"line {i + 1} is not an edited line");
                }
            }
        }
    }

    /// <summary>Appends random text after some <c>#</c> (comments, and text inside block scalars) and some trailing blanks.</summary>
    private static string AddNoise(string text, Random random)
    {
        string[] pieces = [" é", " 日本", " 🚀", " #", ": x", " 'q'", " \"q\"", " {a}", " [b]", " *c", " &d", "\t"];
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            builder.Append(c);
            if (c == '#' && random.Next(2) == 0)
            {
                for (var k = random.Next(1, 4); k > 0; k--)
                {
                    builder.Append(pieces[random.Next(pieces.Length)]);
                }
            }
        }

        return builder.ToString();
    }
}
