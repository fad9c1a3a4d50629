using System.Text;
using Pipeline.Containers;
using Pipeline.Promotion.Edits;

namespace Pipeline.Promotion.Tests.Edits;

/// <summary>
/// Every edit kind against hand-written golden files (input, expected output): comments, inline comments on the
/// edited line, CRLF, BOM, non-ASCII, anchors, multi-document files, block scalars, flow collections, quoting.
/// </summary>
public sealed class GoldenFileTests
{
    private static readonly Dictionary<string, (IManifestEdit Edit, string Image, int Changes)> Cases = new()
    {
        ["helm/backend-tag"] = (HelmValuesEdit.ForTag("backend.image.tag"), "ghcr.io/januschung/job-winner-backend:1.4.2", 1),
        ["helm/image-triple-crlf-bom"] = (HelmValuesEdit.ForImage("image"), App, 3),
        ["helm/quoted-keys"] = (new HelmValuesEdit { Reference = "\"my.key\".image", Tag = "'it''s'.tag" }, App, 2),
        ["helm/sequence-index"] = (new HelmValuesEdit { Reference = "jobs[0].containers[1].image" }, App, 1),
        ["helm/plain-needs-quotes"] = (new HelmValuesEdit { Tag = "image.tag", TagAndDigest = "legacy.tag" }, "ghcr.io/org/app:20240101@" + TestFiles.NewDigest, 2),
        ["helm/anchors"] = (HelmValuesEdit.ForTag("backend.image.tag"), App, 1),
        ["helm/shared-anchor"] = (HelmValuesEdit.ForTag("x-image.tag") with { EditSharedAnchors = true }, App, 1),
        ["helm/multi-document"] = (HelmValuesEdit.ForTag("service.image.tag"), App, 1),
        ["helm/flow"] = (HelmValuesEdit.ForImage("image") with { Reference = "ref.image" }, App, 3),
        ["helm/tag-and-digest"] = (new HelmValuesEdit { TagAndDigest = "image.tag" }, App, 1),
        ["workloads/deployment-multidoc"] = (new ContainerImageEdit("platform-demo"), Demo, 1),
        ["workloads/deployment-init-container"] = (new ContainerImageEdit("migrate"), Demo, 1),
        ["workloads/cronjob-crlf"] = (new ContainerImageEdit("report") { Kind = "CronJob" }, "ghcr.io/org/report:1.4.2@" + TestFiles.NewDigest, 1),
        ["workloads/rollout"] = (new ContainerImageEdit("ai-service") { Parts = ImageParts.Digest }, "ghcr.io/org/ai-service:1.4.2@" + TestFiles.NewDigest, 1),
        ["workloads/list"] = (new ContainerImageEdit("wait") { Workload = "migrate" }, App, 1),
        ["kustomize/add-missing-crlf"] = (new KustomizeImageEdit("ghcr.io/org/ai-service"), "ghcr.io/org/ai-service:1.4.2@" + TestFiles.NewDigest, 2),
        ["kustomize/indentless-newname"] = (new KustomizeImageEdit("app"), App, 3),
        ["kustomize/flow-no-eol"] = (new KustomizeImageEdit("ghcr.io/org/app"), App, 2),
        ["markers/flux-style-crlf"] = (new MarkerEdit("app"), App, 6),
        ["markers/imagepolicy"] = (new MarkerEdit("flux-system:podinfo") { Key = "$imagepolicy" }, "ghcr.io/stefanprodan/podinfo:6.0.0@" + TestFiles.NewDigest, 2),
        ["regex/imagetag-crlf"] = (new RegexEdit("imageTag: \"(?<tag>[^\"]*)\""), "ghcr.io/org/app:1.4.2-dev", 1),
        ["regex/comment-group"] = (new RegexEdit(@"(?:current|tag): (?<tag>\S+)") { ExpectedMatches = 2 }, App, 2),
        ["regex/plain-text.env"] = (new RegexEdit(@"^APP_IMAGE=(?<image>\S+)$") { PlainText = true }, App, 1),
    };

    private const string Demo = "ghcr.io/andrelair-platform/platform-demo:1.4.2@" + TestFiles.NewDigest;

    private static string App => TestFiles.App.ToString();

    public static TheoryData<string> Names() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Edit_produces_the_golden_file_byte_for_byte(string name)
    {
        var (edit, image, changes) = Cases[name];
        var input = TestFiles.Load(InputOf(name));

        var result = edit.Apply(input, ImageReference.Parse(image));

        Encoding.UTF8.GetString(result.Document.ToBytes()).Should().Be(Encoding.UTF8.GetString(TestFiles.Bytes(ExpectedOf(name))));
        result.Document.ToBytes().Should().Equal(TestFiles.Bytes(ExpectedOf(name)));
        result.Changed.Should().BeTrue();
        result.Changes.Should().HaveCount(changes);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Applying_the_edit_to_the_golden_output_changes_nothing(string name)
    {
        var (edit, image, _) = Cases[name];
        var expected = TestFiles.Load(ExpectedOf(name));

        var result = edit.Apply(expected, ImageReference.Parse(image));

        result.Changed.Should().BeFalse();
        result.Changes.Should().BeEmpty();
        result.Document.Should().BeSameAs(expected);
        result.Matches.Should().BeGreaterThan(0);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Change_list_records_old_and_new_values_at_their_lines(string name)
    {
        var (edit, image, _) = Cases[name];
        var input = TestFiles.Load(InputOf(name));
        var lines = input.Text.Split('\n');

        var result = edit.Apply(input, ImageReference.Parse(image));

        foreach (var change in result.Changes)
        {
            change.File.Should().Be(InputOf(name));
            change.NewValue.Should().NotBeNullOrEmpty();
            if (change.OldValue is { Length: > 0 } old)
            {
                lines[change.Line - 1].Should().Contain(old, $"{change} points at the line holding the old value");
            }
        }
    }

    private static string InputOf(string name) => name.EndsWith(".env", StringComparison.Ordinal)
        ? name[..^4] + ".input.env"
        : name + ".input.yaml";

    private static string ExpectedOf(string name) => name.EndsWith(".env", StringComparison.Ordinal)
        ? name[..^4] + ".expected.env"
        : name + ".expected.yaml";
}
