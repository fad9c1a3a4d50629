using Pipeline.Containers.Tests.Support;

namespace Pipeline.Containers.Tests.Integration;

[Collection(DockerCollection.Name)]
public sealed class ReuseTests(DockerFixture docker)
{
    [DockerFact]
    public async Task Building_the_same_commit_again_reuses_the_pushed_index_and_points_new_tags_at_it()
    {
        var context = TestContexts.TextOnly();
        var request = new ImageBuildRequest(docker.Repository("reuse"), context)
        {
            SourceCommit = "0123456789abcdef0123456789abcdef01234567",
            ReuseExisting = true,
        };
        using var builder = new MultiPlatformImageBuilder(new ImageBuilderOptions { ArtifactsDirectory = Directory.CreateTempSubdirectory().FullName });

        var first = await builder.BuildAsync(request, BuildStrategyKind.Engine);
        var second = await builder.BuildAsync(request with { Tags = ["latest"] }, BuildStrategyKind.Engine);

        first.Strategy.Should().Be("engine");
        second.Strategy.Should().Be("reused");
        second.Digest.Should().Be(first.Digest);
        second.Platforms.Select(p => p.Digest).Should().Equal(first.Platforms.Select(p => p.Digest));
        using var registry = new RegistryClient();
        var latest = await registry.HeadManifestAsync(ImageReference.Parse(request.Repository + ":latest"));
        latest!.Digest.Should().Be(first.Digest);
    }

    [DockerFact]
    public async Task Another_commit_or_a_missing_platform_is_built_again()
    {
        var context = TestContexts.TextOnly();
        var request = new ImageBuildRequest(docker.Repository("reuse-not"), context)
        {
            SourceCommit = "89abcdef0123456789abcdef0123456789abcdef",
            Platforms = [Platform.LinuxAmd64],
            ReuseExisting = true,
        };
        using var builder = new MultiPlatformImageBuilder(new ImageBuilderOptions { ArtifactsDirectory = Directory.CreateTempSubdirectory().FullName });
        await builder.BuildAsync(request, BuildStrategyKind.Engine);

        var wider = await builder.BuildAsync(request with { Platforms = [Platform.LinuxAmd64, Platform.LinuxArm64] }, BuildStrategyKind.Engine);
        var otherVersion = await builder.BuildAsync(request with { Version = "2.0.0" }, BuildStrategyKind.Engine);

        wider.Strategy.Should().Be("engine");
        otherVersion.Strategy.Should().Be("engine");
    }
}
