using Pipeline.Containers.Tests.Support;

namespace Pipeline.Containers.Tests.Engine;

[Collection(DockerCollection.Name)]
public sealed class DockerEngineClientTests(DockerFixture docker)
{
    [DockerFact]
    public async Task Ping_negotiates_an_api_version_and_version_and_info_describe_the_engine()
    {
        using var engine = new DockerEngineClient();

        var ping = await engine.PingAsync();
        var version = await engine.GetVersionAsync();
        var info = await engine.GetInfoAsync();

        DockerEngineClient.CompareVersions(ping.ApiVersion, DockerEngineClient.MaxApiVersion).Should().BeLessThanOrEqualTo(0);
        DockerEngineClient.CompareVersions(ping.ApiVersion, ping.EngineApiVersion).Should().BeLessThanOrEqualTo(0);
        version.ApiVersion.Should().Be(ping.EngineApiVersion);
        info.OsType.Should().Be("linux");
        info.Ncpu.Should().BeGreaterThan(0);
    }

    [DockerFact]
    public async Task Engine_is_reachable_over_tcp_as_DOCKER_HOST_names_it()
    {
        using var forwarder = new TcpToUnixForwarder("/var/run/docker.sock");
        var endpoint = DockerEndpoint.FromEnvironment(name => name == "DOCKER_HOST" ? $"tcp://127.0.0.1:{forwarder.Port}" : null);
        using var engine = new DockerEngineClient(endpoint);

        var version = await engine.GetVersionAsync();

        endpoint.IsUnixSocket.Should().BeFalse();
        version.Os.Should().Be("linux");
    }

    [Fact]
    public async Task Missing_engine_is_reported_with_what_to_do()
    {
        using var engine = new DockerEngineClient(DockerEndpoint.Parse("unix:///tmp/no-engine-here.sock"));

        var act = () => engine.PingAsync();

        (await act.Should().ThrowAsync<DockerEngineUnavailableException>()).WithMessage("*unix:///tmp/no-engine-here.sock*Start the engine*DOCKER_HOST*");
    }

    [DockerFact]
    public async Task Build_tag_inspect_and_remove_an_image()
    {
        var context = TestContexts.TextOnly("FROM scratch\nARG VERSION\nLABEL version=$VERSION\nCOPY hello.txt /\n");
        var tag = ImageReference.Parse($"pipeline-tests/engine-client:{docker.RunId}");
        var retag = tag.WithTag("again-" + docker.RunId);
        using var engine = new DockerEngineClient();
        var lines = new LineCollector();

        var built = await engine.BuildImageAsync(new EngineBuildRequest(context) { Tags = [tag], Platform = Platform.LinuxArm64, BuildArgs = new Dictionary<string, string> { ["VERSION"] = "9" } }, lines);
        await engine.TagImageAsync(built.ImageId, retag);
        var inspected = await engine.InspectImageAsync(retag.ToString());
        var removed = await engine.RemoveImageAsync(retag.ToString());
        await engine.RemoveImageAsync(tag.ToString());
        var gone = await engine.InspectImageAsync(retag.ToString());

        inspected!.Id.Should().Be(built.ImageId);
        inspected.Architecture.Should().Be("arm64");
        inspected.RepoTags.Should().Contain($"pipeline-tests/engine-client:again-{docker.RunId}", "the engine lists Docker Hub tags in their short form");
        removed.Should().BeTrue();
        gone.Should().BeNull();
        lines.Text.Should().Contain("[linux/arm64]").And.Contain("COPY hello.txt");
    }

    [DockerFact]
    public async Task Classic_builder_stamps_the_engine_architecture_which_is_why_BuildKit_is_the_default()
    {
        var context = TestContexts.TextOnly("FROM scratch\nLABEL purpose=classic-builder\n");
        var tag = ImageReference.Parse($"pipeline-tests/classic:{docker.RunId}");
        using var engine = new DockerEngineClient();

        var built = await engine.BuildImageAsync(new EngineBuildRequest(context) { Tags = [tag], Platform = Platform.LinuxArm64, UseBuildKit = false });
        var inspected = await engine.InspectImageAsync(built.ImageId);
        await engine.RemoveImageAsync(tag.ToString(), force: true);

        var host = (await engine.GetVersionAsync()).Arch;
        inspected!.Architecture.Should().Be(host, "the classic builder stamps the engine's architecture on metadata-only steps");
    }

    [DockerFact]
    public async Task Build_context_honours_dockerignore()
    {
        var context = TestContexts.TextOnly("FROM scratch\nCOPY secret.txt /\n");
        await File.WriteAllTextAsync(Path.Combine(context, "secret.txt"), "do not send");
        await File.WriteAllTextAsync(Path.Combine(context, ".dockerignore"), "secret.txt\n");
        using var engine = new DockerEngineClient();

        var act = () => engine.BuildImageAsync(new EngineBuildRequest(context) { Tags = [ImageReference.Parse($"pipeline-tests/ignored:{docker.RunId}")] });

        (await act.Should().ThrowAsync<ImageBuildFailedException>()).Which.EngineMessage.Should().Contain("secret.txt").And.Contain("not found");
    }
}
