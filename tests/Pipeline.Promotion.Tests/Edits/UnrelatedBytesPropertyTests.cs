using System.Text;
using CsCheck;
using Pipeline.Promotion.Edits;

namespace Pipeline.Promotion.Tests.Edits;

/// <summary>
/// CsCheck properties: whatever surrounds the target, no byte outside its text ever changes. A failure shrinks to
/// the smallest manifest that still fails and prints the seed that replays it (CsCheck_Seed=... dotnet test).
/// </summary>
public sealed class UnrelatedBytesPropertyTests
{
    /// <summary>New tags and how a plain scalar must render them (quoted when YAML would read a number or a date).</summary>
    private static readonly Gen<(string Tag, string Plain)> NewTag = Gen.OneOf(
        ("1.4.2", "1.4.2"), ("v2-rc.1", "v2-rc.1"), ("abc_DEF", "abc_DEF"), ("1234567", "\"1234567\""), ("2024-01-31", "\"2024-01-31\""), ("8e7", "\"8e7\""));

    [Fact]
    public void Only_the_target_text_changes_in_a_generated_manifest() =>
        Gen.Select(ManifestGen.Manifest, NewTag).Sample((manifest, tag) =>
        {
            var bytes = Encoding.UTF8.GetBytes((manifest.Bom ? "\uFEFF" : "") + manifest.Text);
            var document = ManifestDocument.FromBytes("generated.yaml", bytes);

            var result = HelmValuesEdit.ForTag("image.tag").Apply(document, TestFiles.Image("ghcr.io/org/app:" + tag.Tag));

            var rendered = manifest.TargetQuote switch
            {
                '\'' => $"'{tag.Tag}'",
                '"' => $"\"{tag.Tag}\"",
                _ => tag.Plain,
            };
            result.Document.Text.Should().Be(manifest.Text[..manifest.TargetStart] + rendered + manifest.Text[manifest.TargetEnd..]);
            result.Document.HasByteOrderMark.Should().Be(manifest.Bom);
            result.Document.ToBytes().AsSpan().StartsWith(bytes.AsSpan(0, Encoding.UTF8.GetByteCount((manifest.Bom ? "\uFEFF" : "") + manifest.Text[..manifest.TargetStart]))).Should().BeTrue();
        }, iter: 2000);

    [Fact]
    public void An_edit_of_a_generated_manifest_is_idempotent() =>
        ManifestGen.Manifest.Sample(manifest =>
        {
            var edit = HelmValuesEdit.ForTag("image.tag");

            var first = edit.Apply(ManifestDocument.FromText("generated.yaml", manifest.Text), TestFiles.App);
            var second = edit.Apply(first.Document, TestFiles.App);

            second.Changed.Should().BeFalse();
            second.Document.Should().BeSameAs(first.Document);
        }, iter: 1000);

    /// <summary>Golden inputs and the edit each is for.</summary>
    private static readonly Gen<(string Name, IManifestEdit Edit)> Golden = Gen.OneOf<(string, IManifestEdit)>(
        ("helm/backend-tag", HelmValuesEdit.ForTag("backend.image.tag")),
        ("helm/image-triple-crlf-bom", HelmValuesEdit.ForImage("image")),
        ("helm/anchors", HelmValuesEdit.ForTag("backend.image.tag")),
        ("workloads/deployment-multidoc", new ContainerImageEdit("platform-demo")),
        ("workloads/cronjob-crlf", new ContainerImageEdit("report")),
        ("workloads/rollout", new ContainerImageEdit("ai-service")));

    /// <summary>For the n-th <c>#</c> of a file (a comment, or text inside a block scalar), what to append after it.</summary>
    private static readonly Gen<string[]> Noise =
        Gen.OneOf(" é", " 日本", " 🚀", " #", ": x", " 'q'", " \"q\"", " {a}", " [b]", " *c", " &d", "\t").Array[0, 3].Select(string.Concat).Array[0, 40];

    [Fact]
    public void Noise_added_to_comments_and_blocks_never_reaches_the_output_beyond_the_edited_lines() =>
        Gen.Select(Golden, Noise).Sample((golden, noise) =>
        {
            var original = TestFiles.Load(golden.Name + ".input.yaml");
            var noisy = original.WithText(AddNoise(original.Text, noise));

            var result = golden.Edit.Apply(noisy, TestFiles.App);

            var before = noisy.Text.Split('\n');
            var after = result.Document.Text.Split('\n');
            var edited = result.Changes.Select(c => c.Line - 1).ToHashSet();
            result.Changes.Should().NotBeEmpty();
            after.Should().HaveSameCount(before);
            for (var i = 0; i < before.Length; i++)
            {
                if (!edited.Contains(i))
                {
                    after[i].Should().Be(before[i], $"line {i + 1} is not an edited line");
                }
            }
        }, iter: 500);

    private static string AddNoise(string text, string[] noise)
    {
        var builder = new StringBuilder();
        var hashes = 0;
        foreach (var c in text)
        {
            builder.Append(c);
            if (c == '#' && hashes < noise.Length)
            {
                builder.Append(noise[hashes++]);
            }
        }

        return builder.ToString();
    }
}
