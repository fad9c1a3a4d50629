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

    [DockerFact]
    public async Task Push_reports_progress_and_the_digest_the_registry_stored()
    {
        var context = TestContexts.TextOnly();
        await File.WriteAllTextAsync(Path.Combine(context, "hello.txt"), $"unique {Guid.NewGuid()}\n");
        var tag = ImageReference.Parse($"{docker.Repository("pushed")}:1");
        using var engine = new DockerEngineClient();
        using var registry = new RegistryClient();
        var progress = new List<PushProgress>();
        var recorder = new SynchronousProgress<PushProgress>(progress.Add);

        await engine.BuildImageAsync(new EngineBuildRequest(context) { Tags = [tag] });
        var pushed = await engine.PushImageAsync(tag, progress: recorder);
        var stored = await registry.HeadManifestAsync(tag);

        pushed.Digest.Should().Be(stored!.Digest);
        progress.Should().Contain(p => p.Status == "Pushed" && p.Layer != null);
        progress.Should().OnlyContain(p => p.Reference == tag);
    }

    [DockerFact]
    public async Task Push_to_a_registry_that_is_down_says_so()
    {
        var context = TestContexts.TextOnly();
        var tag = ImageReference.Parse($"127.0.0.1:{new LoopbackPort().Number}/app:1");
        using var engine = new DockerEngineClient();
        await engine.BuildImageAsync(new EngineBuildRequest(context) { Tags = [tag] });

        var act = () => engine.PushImageAsync(tag);

        (await act.Should().ThrowAsync<ImagePushFailedException>()).WithMessage("Pushing 127.0.0.1:*connection refused*unreachable from the engine*");
        await engine.RemoveImageAsync(tag.ToString(), force: true);
    }
}

internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}

internal sealed class LoopbackPort
{
    public LoopbackPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        Number = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
    }

    public int Number { get; }
}
