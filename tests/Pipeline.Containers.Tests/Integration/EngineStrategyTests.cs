using Pipeline.Containers.Tests.Support;
using Pipeline.Tests.Shared;

namespace Pipeline.Containers.Tests.Integration;

[Collection(DockerCollection.Name)]
public sealed class EngineStrategyTests(DockerFixture docker)
{
    private const string Commit = "0123456789abcdef0123456789abcdef01234567";

    [DockerFact]
    public async Task Build_for_two_platforms_pushes_an_index_whose_configs_and_digest_are_proved()
    {
        var context = await TestContexts.BusyboxAsync();
        var output = new LineCollector();
        using var builder = new MultiPlatformImageBuilder(new ImageBuilderOptions { Output = output });
        var request = new ImageBuildRequest(docker.Repository("engine"), context)
        {
            SourceCommit = Commit,
            Version = "1.2.3",
            Tags = ["latest"],
            SourceUrl = "https://example.test/org/app",
        };

        var built = await builder.BuildAsync(request, BuildStrategyKind.Engine);
        var pinned = await builder.CaptureAsync(built, request.Platforms);

        built.Tags.Should().Equal("0123456", "latest");
        built.Platforms.Select(p => p.Platform.ToString()).Should().Equal("linux/amd64", "linux/arm64");
        pinned.Digest.Should().Be(built.Digest);
        pinned.Platforms.Select(p => (p.Platform.ToString(), p.ConfigArchitecture)).Should().BeEquivalentTo(
            [("linux/amd64", "amd64"), ("linux/arm64", "arm64")]);
        pinned.Reference.ToString().Should().Be($"{docker.Repository("engine")}:0123456@{built.Digest}");

        var skopeoRef = $"docker://{docker.Repository("engine")}:0123456";
        var sha = await Shell.OutputAsync("sh", "-c", $"skopeo inspect --raw --tls-verify=false {skopeoRef} | sha256sum");
        ("sha256:" + sha.Split(' ')[0]).Should().Be(built.Digest.ToString());
        foreach (var platform in built.Platforms)
        {
            var config = await Shell.OutputAsync("skopeo", "inspect", "--config", "--raw", "--tls-verify=false", $"docker://{docker.Repository("engine")}@{platform.Digest}");
            config.Should().Contain($"\"architecture\":\"{platform.Platform.Architecture}\"");
            config.Should().Contain("\"org.opencontainers.image.revision\":\"" + Commit + "\"");
        }

        output.Text.Should().Contain("[linux/arm64]").And.Contain("pushed index");
    }

    [DockerFact]
    public async Task Built_image_runs_on_each_platform_and_reports_its_commit()
    {
        var context = await TestContexts.BusyboxAsync();
        using var builder = new MultiPlatformImageBuilder();
        var repository = docker.Repository("runs");
        var built = await builder.BuildAsync(new ImageBuildRequest(repository, context) { SourceCommit = Commit, Version = "2.0.0" }, BuildStrategyKind.Engine);

        foreach (var (platform, machine) in new[] { ("linux/amd64", "x86_64"), ("linux/arm64", "aarch64") })
        {
            var reference = $"{repository}@{built.Platforms.Single(p => p.Platform.ToString() == platform).Digest}";
            await Shell.OutputAsync("docker", "pull", "-q", reference);
            var said = await Shell.OutputAsync("docker", "run", "--rm", "--network", "none", reference);
            said.Trim().Should().Be($"commit={Commit} version=2.0.0 arch={machine}");
        }
    }

    [DockerFact]
    public async Task Image_record_round_trips_and_capture_runs_alone_from_it()
    {
        var context = TestContexts.TextOnly("FROM scratch\nARG TARGETARCH\nCOPY hello.txt /hello-${TARGETARCH}.txt\n");
        using var builder = new MultiPlatformImageBuilder();
        var request = new ImageBuildRequest(docker.Repository("record"), context) { SourceCommit = Commit };
        var built = await builder.BuildAsync(request, BuildStrategyKind.Engine);
        var folder = TestTemp.Folder("pipeline-artifacts-");
        var path = Path.Combine(folder, "image.json");
        await built.WriteAsync(path);

        var readBack = await BuiltImage.ReadAsync(path);
        using var registry = new RegistryClient();
        var pinned = await new DigestCapture(registry).CaptureAsync(readBack);
        await pinned.WriteAsync(path);
        var pinnedBack = await PinnedImage.ReadAsync(path);

        readBack.Should().BeEquivalentTo(built);
        pinnedBack.Should().BeEquivalentTo(pinned);
        var json = await File.ReadAllTextAsync(path);
        json.Should().Contain("\"repository\"").And.Contain("\"reference\"").And.Contain("\"mediaType\"")
            .And.Contain("\"platforms\"").And.Contain("\"sourceCommit\"").And.Contain("\"tags\"").And.Contain("\"digest\"");
    }
}
