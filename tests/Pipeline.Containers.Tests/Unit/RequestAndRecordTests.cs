using Pipeline.Tests.Shared;

namespace Pipeline.Containers.Tests.Unit;

public sealed class RequestAndRecordTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    private static string Context()
    {
        var folder = TestTemp.Folder("pipeline-ctx-");
        File.WriteAllText(Path.Combine(folder, "Dockerfile"), "FROM scratch\n");
        return folder;
    }

    [Fact]
    public void Request_yields_commit_tag_extra_tags_OCI_labels_and_build_args()
    {
        var request = new ImageBuildRequest("ghcr.io/org/app", Context())
        {
            SourceCommit = "abcdef0123456789abcdef0123456789abcdef01",
            Version = "1.4.0",
            SourceUrl = "https://github.com/org/app",
            Tags = ["latest", "main", "latest"],
            Labels = new Dictionary<string, string> { ["team"] = "payments", ["org.opencontainers.image.version"] = "override" },
            BuildArgs = new Dictionary<string, string> { ["EXTRA"] = "1" },
        };

        var build = ResolvedBuild.From(request, Now);

        build.Tags.Should().Equal("abcdef0", "latest", "main");
        build.Labels.Should().Contain(new Dictionary<string, string>
        {
            ["org.opencontainers.image.revision"] = "abcdef0123456789abcdef0123456789abcdef01",
            ["org.opencontainers.image.source"] = "https://github.com/org/app",
            ["org.opencontainers.image.created"] = "2026-03-04T05:06:07Z",
            ["org.opencontainers.image.version"] = "override",
            ["team"] = "payments",
        });
        build.Annotations["org.opencontainers.image.version"].Should().Be("1.4.0");
        build.BuildArgs.Should().Equal(new Dictionary<string, string> { ["VERSION"] = "1.4.0", ["COMMIT"] = "abcdef0123456789abcdef0123456789abcdef01", ["EXTRA"] = "1" });
        build.PlatformTag(Platform.Parse("linux/arm/v7")).ToString().Should().Be("ghcr.io/org/app:abcdef0-linux-arm-v7");
    }

    [Fact]
    public void Request_without_commit_or_tags_is_refused()
    {
        var act = () => ResolvedBuild.From(new ImageBuildRequest("ghcr.io/org/app", Context()), Now);

        act.Should().Throw<BuildInputException>().Which.Parameter.Should().Be("--tags");
    }

    [Fact]
    public void Invalid_extra_tag_names_the_parameter()
    {
        var act = () => ResolvedBuild.From(new ImageBuildRequest("ghcr.io/org/app", Context()) { Tags = ["feature/x"] }, Now);

        act.Should().Throw<BuildInputException>().WithMessage("--tags 'feature/x': *contains '/'*");
    }

    [Fact]
    public async Task Pinned_image_writes_GitHub_outputs_and_summary()
    {
        var digest = Digest.Compute("index"u8);
        var pinned = new PinnedImage("ghcr.io/org/app", ["abc1234", "latest"], digest, MediaTypes.OciIndex,
        [
            new PinnedPlatform(Platform.LinuxAmd64, Digest.Compute("a"u8), MediaTypes.OciManifest, 10) { ConfigArchitecture = "amd64" },
            new PinnedPlatform(Platform.LinuxArm64, Digest.Compute("b"u8), MediaTypes.OciManifest, 10) { ConfigArchitecture = "arm64" },
        ])
        { SourceCommit = "abc1234ffff" };
        var folder = TestTemp.Folder("pipeline-gh-");
        var environment = new Dictionary<string, string> { ["GITHUB_OUTPUT"] = Path.Combine(folder, "out"), ["GITHUB_STEP_SUMMARY"] = Path.Combine(folder, "summary.md") };

        var wrote = await pinned.WriteGitHubFilesAsync(environment.GetValueOrDefault);

        wrote.Should().BeTrue();
        File.ReadAllLines(environment["GITHUB_OUTPUT"]).Should().Contain([$"digest={digest}", $"reference=ghcr.io/org/app:abc1234@{digest}", "platforms=linux/amd64,linux/arm64", "tags=abc1234,latest"]);
        File.ReadAllText(environment["GITHUB_STEP_SUMMARY"]).Should().Contain($"`ghcr.io/org/app:abc1234@{digest}`").And.Contain("| linux/arm64 |");
        (await pinned.WriteGitHubFilesAsync(_ => null)).Should().BeFalse();
    }

    [Fact]
    public async Task Uncaptured_build_record_cannot_be_read_as_pinned()
    {
        var built = new BuiltImage("ghcr.io/org/app", ["abc1234"], Digest.Compute("i"u8), MediaTypes.OciIndex,
            [new PlatformImage(Platform.LinuxAmd64, Digest.Compute("a"u8), MediaTypes.OciManifest, 1)]);
        var path = Path.Combine(TestTemp.Folder("pipeline-artifacts-"), "image.json");
        await built.WriteAsync(path);

        var act = () => PinnedImage.ReadAsync(path);
        var missing = () => BuiltImage.ReadAsync(path + ".missing");

        (await act.Should().ThrowAsync<ContainerException>()).WithMessage("*not captured yet*run CaptureDigest*");
        (await missing.Should().ThrowAsync<ContainerException>()).WithMessage("*no image record*");
    }
}
