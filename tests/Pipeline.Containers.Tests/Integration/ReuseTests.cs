using Pipeline.Containers.Tests.Support;
using Pipeline.Tests.Shared;

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
        using var builder = new MultiPlatformImageBuilder(new ImageBuilderOptions { ArtifactsDirectory = TestTemp.Folder("pipeline-artifacts-") });

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
        using var builder = new MultiPlatformImageBuilder(new ImageBuilderOptions { ArtifactsDirectory = TestTemp.Folder("pipeline-artifacts-") });
        await builder.BuildAsync(request, BuildStrategyKind.Engine);

        var wider = await builder.BuildAsync(request with { Platforms = [Platform.LinuxAmd64, Platform.LinuxArm64] }, BuildStrategyKind.Engine);
        var otherVersion = await builder.BuildAsync(request with { Version = "2.0.0" }, BuildStrategyKind.Engine);

        wider.Strategy.Should().Be("engine");
        otherVersion.Strategy.Should().Be("engine");
    }

    [DockerFact]
    public async Task A_changed_Dockerfile_of_the_same_commit_is_built_again_and_the_tag_moves_to_the_new_image()
    {
        var context = TestContexts.TextOnly();
        var request = new ImageBuildRequest(docker.Repository("reuse-dockerfile"), context)
        {
            SourceCommit = "2123456789abcdef0123456789abcdef01234567",
            Platforms = [Platform.LinuxAmd64],
            ReuseExisting = true,
        };
        using var builder = new MultiPlatformImageBuilder(new ImageBuilderOptions { ArtifactsDirectory = TestTemp.Folder("pipeline-artifacts-") });
        var first = await builder.BuildAsync(request, BuildStrategyKind.Engine);

        File.AppendAllText(Path.Combine(context, "Dockerfile"), "LABEL changed=yes\n");
        var second = await builder.BuildAsync(request, BuildStrategyKind.Engine);

        second.Strategy.Should().Be("engine");
        second.Digest.Should().NotBe(first.Digest);
        second.Inputs.Should().NotBe(first.Inputs);
        using var registry = new RegistryClient();
        var tag = await registry.GetManifestAsync(ImageReference.Parse(request.Repository + ":2123456"));
        tag.Digest.Should().Be(second.Digest);
        tag.Index!.Annotations![BuildInputs.AnnotationKey].Should().Be(second.Inputs!.ToString());
    }

    [DockerFact]
    public async Task A_file_that_dockerignore_leaves_out_changes_nothing_and_the_image_is_reused()
    {
        var context = TestContexts.TextOnly();
        File.WriteAllText(Path.Combine(context, ".dockerignore"), "*.log\n");
        var request = new ImageBuildRequest(docker.Repository("reuse-ignored"), context)
        {
            SourceCommit = "3123456789abcdef0123456789abcdef01234567",
            Platforms = [Platform.LinuxAmd64],
            ReuseExisting = true,
        };
        using var builder = new MultiPlatformImageBuilder(new ImageBuilderOptions { ArtifactsDirectory = TestTemp.Folder("pipeline-artifacts-") });
        var first = await builder.BuildAsync(request, BuildStrategyKind.Engine);

        File.WriteAllText(Path.Combine(context, "debug.log"), "left out\n");
        var second = await builder.BuildAsync(request, BuildStrategyKind.Engine);

        second.Strategy.Should().Be("reused");
        second.Digest.Should().Be(first.Digest);
    }

    [DockerFact]
    public async Task A_Dockerfile_that_cannot_build_fails_with_the_builders_message_though_its_commit_was_built_before()
    {
        var context = TestContexts.TextOnly();
        var repository = docker.Repository("reuse-broken");
        var request = new ImageBuildRequest(repository, context)
        {
            SourceCommit = "4123456789abcdef0123456789abcdef01234567",
            Platforms = [Platform.LinuxAmd64],
            ReuseExisting = true,
        };
        using var builder = new MultiPlatformImageBuilder(new ImageBuilderOptions { ArtifactsDirectory = TestTemp.Folder("pipeline-artifacts-") });
        var first = await builder.BuildAsync(request, BuildStrategyKind.Engine);

        File.WriteAllText(Path.Combine(context, "Dockerfile"), "FROM scratch\nCOPY no-such-file.txt /x\n");
        var act = () => builder.BuildAsync(request, BuildStrategyKind.Engine);

        var failure = (await act.Should().ThrowAsync<ImageBuildFailedException>()).Which;
        failure.Message.Should().Contain("no-such-file.txt").And.Contain("not found");
        using var registry = new RegistryClient();
        (await registry.HeadManifestAsync(ImageReference.Parse(repository + ":4123456")))!.Digest.Should().Be(first.Digest, "the failed build pushed nothing");
    }
}
