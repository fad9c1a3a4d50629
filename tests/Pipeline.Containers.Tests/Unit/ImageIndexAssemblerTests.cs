using System.Text.Json;

namespace Pipeline.Containers.Tests.Unit;

public sealed class ImageIndexAssemblerTests
{
    private static readonly PlatformImage Amd64 = new(Platform.LinuxAmd64, Digest.Compute("amd64"u8), MediaTypes.DockerManifest, 527);
    private static readonly PlatformImage Arm64 = new(Platform.LinuxArm64, Digest.Compute("arm64"u8), MediaTypes.OciManifest, 611);

    [Fact]
    public void Index_lists_each_platform_with_its_descriptor_and_the_digest_is_that_of_the_bytes()
    {
        var assembled = ImageIndexAssembler.Assemble([Amd64, Arm64], new Dictionary<string, string> { ["z.last"] = "2", ["a.first"] = "1" });

        using var json = JsonDocument.Parse(assembled.Content);
        var root = json.RootElement;
        root.GetProperty("schemaVersion").GetInt32().Should().Be(2);
        root.GetProperty("mediaType").GetString().Should().Be(MediaTypes.OciIndex);
        var manifests = root.GetProperty("manifests").EnumerateArray().ToArray();
        manifests.Select(m => m.GetProperty("platform").GetProperty("architecture").GetString()).Should().Equal("amd64", "arm64");
        manifests[0].GetProperty("digest").GetString().Should().Be(Amd64.Digest.ToString());
        manifests[0].GetProperty("size").GetInt64().Should().Be(527);
        manifests[0].GetProperty("mediaType").GetString().Should().Be(MediaTypes.DockerManifest);
        manifests[1].GetProperty("platform").TryGetProperty("variant", out _).Should().BeFalse();
        root.GetProperty("annotations").EnumerateObject().Select(p => p.Name).Should().Equal("a.first", "z.last");
        assembled.Digest.Should().Be(Digest.Compute(assembled.Content));
    }

    [Fact]
    public void Same_input_gives_the_same_bytes()
    {
        var first = ImageIndexAssembler.Assemble([Amd64, Arm64]);
        var second = ImageIndexAssembler.Assemble([Amd64, Arm64]);

        second.Content.Should().Equal(first.Content);
    }

    [Fact]
    public void Docker_manifest_list_has_no_annotations()
    {
        var assembled = ImageIndexAssembler.Assemble([Amd64], new Dictionary<string, string> { ["a"] = "b" }, MediaTypes.DockerManifestList);

        assembled.Index.Annotations.Should().BeNull();
        JsonDocument.Parse(assembled.Content).RootElement.TryGetProperty("annotations", out _).Should().BeFalse();
    }

    [Fact]
    public void Two_images_for_one_platform_are_refused()
    {
        var act = () => ImageIndexAssembler.Assemble([Amd64, Amd64 with { Digest = Digest.Compute("other"u8) }]);

        act.Should().Throw<ContainerException>().WithMessage("Two images claim platform linux/amd64*");
    }

    [Fact]
    public void Attestation_entries_are_not_image_entries()
    {
        var index = new OciIndex(MediaTypes.OciIndex,
        [
            new OciDescriptor(MediaTypes.OciManifest, Amd64.Digest, 1) { Platform = OciPlatform.From(Platform.LinuxAmd64) },
            new OciDescriptor(MediaTypes.OciManifest, Arm64.Digest, 1) { Platform = new OciPlatform("unknown", "unknown") },
        ]);

        index.ImageEntries().Should().ContainSingle().Which.Digest.Should().Be(Amd64.Digest);
    }
}
