using Pipeline.Containers.Tests.Support;
using Pipeline.Rehearsal.Infrastructure;

namespace Pipeline.Containers.Tests.Integration;

[Collection(DockerCollection.Name)]
public sealed class BadInputTests(DockerFixture docker)
{
    [DockerFact]
    public async Task Failing_Dockerfile_step_reports_the_step_and_its_output()
    {
        var context = await TestContexts.BusyboxAsync("RUN [\"/bin/sh\", \"-c\", \"echo compiling-step-output; echo the-compiler-said-no >&2; exit 3\"]");
        using var builder = new MultiPlatformImageBuilder();

        var act = () => builder.BuildAsync(new ImageBuildRequest(docker.Repository("failing"), context) { Tags = ["x"] }, BuildStrategyKind.Engine);

        var failure = (await act.Should().ThrowAsync<ImageBuildFailedException>()).Which;
        failure.Message.Should().Contain("exit code: 3").And.Contain("the-compiler-said-no").And.Contain("compiling-step-output");
        failure.FailedStep.Should().Contain("RUN");
        (await TagExistsAsync(docker.Repository("failing"), "x")).Should().BeFalse("nothing may be reported or pushed as the image");
    }

    [DockerFact]
    public async Task Registry_down_fails_before_anything_is_built()
    {
        var port = FreePort();
        var context = TestContexts.TextOnly();
        var output = new LineCollector();
        using var builder = new MultiPlatformImageBuilder(new ImageBuilderOptions { Output = output, Retry = RetryOptions.None });

        var act = () => builder.BuildAsync(new ImageBuildRequest($"127.0.0.1:{port}/app", context) { Tags = ["1"] }, BuildStrategyKind.Engine);

        var failure = (await act.Should().ThrowAsync<RegistryUnreachableException>()).Which;
        failure.Message.Should().Contain($"127.0.0.1:{port}").And.Contain("unreachable");
        output.Lines.Should().NotContain(l => l.Contains("pushed", StringComparison.Ordinal));
    }

    [DockerFact]
    public async Task Refused_credentials_name_their_source_and_right_ones_push()
    {
        await using var registry = await LocalRegistry.StartAsync(new LocalRegistryOptions { Users = new Dictionary<string, string> { ["ci"] = "s3cret-pass" } });
        var context = TestContexts.TextOnly("FROM scratch\nARG TARGETARCH\nCOPY hello.txt /hello-${TARGETARCH}\n");
        using var builder = new MultiPlatformImageBuilder(new ImageBuilderOptions { Credentials = RegistryCredentialProvider.Anonymous });
        var request = new ImageBuildRequest($"{registry.Address}/team/app", context) { Tags = ["1"] };

        var anonymous = () => builder.BuildAsync(request, BuildStrategyKind.Engine);
        var wrong = () => builder.BuildAsync(request with { Credential = new RegistryCredential("ci", new Secret("wrong-pass"), "--registry-password") }, BuildStrategyKind.Engine);
        var built = await builder.BuildAsync(request with { Credential = new RegistryCredential("ci", new Secret("s3cret-pass")) }, BuildStrategyKind.Engine);

        (await anonymous.Should().ThrowAsync<RegistryAuthenticationException>()).Which.Message.Should().Contain("requires credentials");
        var refused = (await wrong.Should().ThrowAsync<RegistryAuthenticationException>()).Which;
        refused.CredentialSource.Should().Be("--registry-password");
        refused.Message.Should().Contain("refused the credentials from --registry-password").And.NotContain("wrong-pass");
        built.Platforms.Should().HaveCount(2);
    }

    [DockerFact]
    public async Task Capture_fails_when_a_platform_is_missing_from_the_index()
    {
        var context = TestContexts.TextOnly();
        using var builder = new MultiPlatformImageBuilder();
        var request = new ImageBuildRequest(docker.Repository("one-platform"), context) { Tags = ["1"], Platforms = [Platform.LinuxAmd64] };
        var built = await builder.BuildAsync(request, BuildStrategyKind.Engine);
        using var registry = new RegistryClient();

        var act = () => new DigestCapture(registry).CaptureAsync(built, Platform.Defaults);

        var failure = (await act.Should().ThrowAsync<PlatformMissingException>()).Which;
        failure.Missing.Should().Equal(Platform.LinuxArm64);
        failure.Present.Should().Equal(Platform.LinuxAmd64);
        failure.Message.Should().Contain("lacks linux/arm64");
    }

    [DockerFact]
    public async Task Capture_fails_when_the_tag_moved_after_the_build()
    {
        var context = TestContexts.TextOnly("FROM scratch\nARG TARGETARCH\nCOPY hello.txt /hello-${TARGETARCH}\n");
        using var builder = new MultiPlatformImageBuilder();
        var repository = docker.Repository("moved");
        var first = await builder.BuildAsync(new ImageBuildRequest(repository, context) { Tags = ["shared"], Platforms = [Platform.LinuxAmd64] }, BuildStrategyKind.Engine);
        await File.WriteAllTextAsync(Path.Combine(context, "hello.txt"), "changed\n");
        var second = await builder.BuildAsync(new ImageBuildRequest(repository, context) { Tags = ["shared"], Platforms = [Platform.LinuxAmd64] }, BuildStrategyKind.Engine);
        using var registry = new RegistryClient();

        var act = () => new DigestCapture(registry).CaptureAsync(first);

        var failure = (await act.Should().ThrowAsync<TagMovedException>()).Which;
        failure.Expected.Should().Be(first.Digest);
        failure.Actual.Should().Be(second.Digest);
    }

    [DockerFact]
    public async Task Capture_rejects_an_index_entry_whose_config_declares_another_architecture()
    {
        var context = TestContexts.TextOnly();
        using var builder = new MultiPlatformImageBuilder();
        var repository = docker.Repository("mislabelled");
        var amd64 = await builder.BuildAsync(new ImageBuildRequest(repository, context) { Tags = ["amd64"], Platforms = [Platform.LinuxAmd64] }, BuildStrategyKind.Engine);
        var image = amd64.Platforms[0];
        var lie = ImageIndexAssembler.Assemble([image, image with { Platform = Platform.LinuxArm64 }]);
        using var registry = new RegistryClient();
        await registry.PutManifestAsync(ImageReference.Parse($"{repository}:lie"), lie.Index.MediaType, lie.Content);

        var act = () => new DigestCapture(registry).CaptureAsync(new CaptureRequest(repository, ["lie"]));

        var failure = (await act.Should().ThrowAsync<PlatformMismatchException>()).Which;
        failure.Expected.Should().Be(Platform.LinuxArm64);
        failure.Actual.Should().Be(Platform.LinuxAmd64);
    }

    [Fact]
    public async Task Unknown_platform_missing_context_missing_Dockerfile_and_invalid_name_fail_before_building()
    {
        var context = TestContexts.TextOnly();
        using var builder = new MultiPlatformImageBuilder(new ImageBuilderOptions { Endpoint = DockerEndpoint.Parse("unix:///nonexistent.sock") });
        var good = new ImageBuildRequest("127.0.0.1:5999/app", context) { Tags = ["1"] };

        var unknownPlatform = () => good.WithPlatforms("linux/amd64,linux/amd46");
        var missingContext = () => builder.BuildAsync(good with { Context = context + "-missing" }, BuildStrategyKind.Engine);
        var missingDockerfile = () => builder.BuildAsync(good with { Dockerfile = Path.Combine(context, "Nope.Dockerfile") }, BuildStrategyKind.Engine);
        var invalidName = () => builder.BuildAsync(good with { Repository = "127.0.0.1:5999/My_App" }, BuildStrategyKind.Engine);
        var taggedName = () => builder.BuildAsync(good with { Repository = "127.0.0.1:5999/app:1" }, BuildStrategyKind.Engine);

        unknownPlatform.Should().Throw<InvalidImageReferenceException>().WithMessage("*unknown platform*architecture 'amd46'*");
        (await missingContext.Should().ThrowAsync<BuildInputException>()).Which.Parameter.Should().Be("--context");
        (await missingDockerfile.Should().ThrowAsync<BuildInputException>()).Which.Parameter.Should().Be("--dockerfile");
        (await invalidName.Should().ThrowAsync<BuildInputException>()).WithMessage("--image*upper-case*");
        (await taggedName.Should().ThrowAsync<BuildInputException>()).WithMessage("--image*without ':tag'*");
    }

    private static async Task<bool> TagExistsAsync(string repository, string tag)
    {
        using var registry = new RegistryClient();
        return await registry.HeadManifestAsync(ImageReference.Parse($"{repository}:{tag}")) is not null;
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
