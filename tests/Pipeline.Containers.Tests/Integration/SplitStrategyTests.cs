using Pipeline.Containers.Tests.Support;
using Pipeline.Tests.Shared;

namespace Pipeline.Containers.Tests.Integration;

[Collection(DockerCollection.Name)]
public sealed class SplitStrategyTests(DockerFixture docker)
{
    [DockerFact]
    public async Task Each_runner_builds_one_platform_and_the_merge_assembles_the_index()
    {
        var context = await TestContexts.BusyboxAsync();
        var artifacts = TestTemp.Folder("pipeline-artifacts-");
        var options = new ImageBuilderOptions { ArtifactsDirectory = artifacts };
        var request = new ImageBuildRequest(docker.Repository("split"), context) { SourceCommit = "fedcba9876543210fedcba9876543210fedcba98" };

        // Two "runners", each with its own builder, then a merge job that only reads artifacts and the registry.
        PlatformImage amd64, arm64;
        using (var runner = new MultiPlatformImageBuilder(options))
        {
            amd64 = await runner.Split.BuildPlatformAsync(request, Platform.LinuxAmd64);
        }

        using (var runner = new MultiPlatformImageBuilder(options))
        {
            arm64 = await runner.Split.BuildPlatformAsync(request, Platform.LinuxArm64);
        }

        using var merger = new MultiPlatformImageBuilder(options);
        var built = await merger.Split.MergeAsync(request);
        using var registry = new RegistryClient();
        var pinned = await new DigestCapture(registry).CaptureAsync(built);

        File.Exists(Path.Combine(artifacts, "platform-linux-amd64.json")).Should().BeTrue();
        built.Strategy.Should().Be("split");
        built.Platforms.Select(p => p.Digest).Should().Equal(amd64.Digest, arm64.Digest);
        pinned.Platforms.Select(p => p.ConfigArchitecture).Should().Equal("amd64", "arm64");
    }

    [DockerFact]
    public async Task Merge_without_a_platform_record_names_the_missing_platform()
    {
        var context = TestContexts.TextOnly();
        var artifacts = TestTemp.Folder("pipeline-artifacts-");
        using var builder = new MultiPlatformImageBuilder(new ImageBuilderOptions { ArtifactsDirectory = artifacts });
        var request = new ImageBuildRequest(docker.Repository("split-missing"), context) { Tags = ["1"] };
        await builder.Split.BuildPlatformAsync(request, Platform.LinuxAmd64);

        var act = () => builder.Split.MergeAsync(request);

        (await act.Should().ThrowAsync<ContainerException>()).WithMessage("*no digest for linux/arm64*platform-linux-arm64.json*");
    }
}
