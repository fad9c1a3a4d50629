namespace Pipeline.Containers.Tests.Unit;

public sealed class BuildxMetadataTests
{
    private const string IndexDigest = "sha256:1f0a9e23f1a3c3b5e6ad3d8cf8a8e4c5f0e2dd3c5b1f8a6e4f0d1c2b3a4e5f6a";

    [Fact]
    public void Multi_platform_push_metadata_yields_digest_descriptor_and_names()
    {
        var json = $$"""
            {
              "buildx.build.provenance": {"buildType": "https://mobyproject.org/buildkit@v1"},
              "buildx.build.ref": "mybuilder/mybuilder0/u1y2mdnbgzbq7dbqmuyoymdn4",
              "containerimage.descriptor": {
                "mediaType": "application/vnd.oci.image.index.v1+json",
                "digest": "{{IndexDigest}}",
                "size": 1609
              },
              "containerimage.digest": "{{IndexDigest}}",
              "image.name": "ghcr.io/org/app:abc1234,ghcr.io/org/app:latest"
            }
            """;

        var metadata = BuildxMetadata.Parse(json);

        metadata.ImageDigest!.ToString().Should().Be(IndexDigest);
        metadata.Descriptor!.MediaType.Should().Be(MediaTypes.OciIndex);
        metadata.Descriptor.Size.Should().Be(1609);
        metadata.ImageNames.Should().Equal("ghcr.io/org/app:abc1234", "ghcr.io/org/app:latest");
        metadata.BuildRef.Should().StartWith("mybuilder/");
        metadata.ConfigDigest.Should().BeNull();
    }

    [Fact]
    public void Digest_falls_back_to_the_descriptor()
    {
        var metadata = BuildxMetadata.Parse($$"""{"containerimage.descriptor":{"mediaType":"{{MediaTypes.OciManifest}}","digest":"{{IndexDigest}}","size":3},"containerimage.config.digest":"{{IndexDigest}}"}""");

        metadata.ImageDigest!.ToString().Should().Be(IndexDigest);
        metadata.ConfigDigest!.ToString().Should().Be(IndexDigest);
        metadata.ImageNames.Should().BeEmpty();
    }

    [Fact]
    public void Build_without_output_has_no_digest()
    {
        var metadata = BuildxMetadata.Parse("""{"buildx.build.ref":"default/default/x"}""");

        metadata.ImageDigest.Should().BeNull();
        metadata.Descriptor.Should().BeNull();
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"containerimage.digest":"sha256:short"}""")]
    public void Malformed_metadata_is_reported_with_its_source(string json)
    {
        var act = () => BuildxMetadata.Parse(json, "metadata file 'm.json'");

        act.Should().Throw<ContainerException>().WithMessage("The metadata file 'm.json' is not what buildx writes*");
    }
}
