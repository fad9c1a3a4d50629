using Pipeline.Rehearsal.Infrastructure;

namespace Pipeline.Rehearsal.Tests.Infrastructure;

public sealed class LocalDockerEngineTests
{
    [InfrastructureFact]
    public async Task Running_engine_is_used_and_left_running()
    {
        var messages = new List<string>();

        var engine = await LocalDockerEngine.EnsureAsync(log: messages.Add);
        await engine.DisposeAsync();

        engine.Started.Should().BeFalse();
        engine.DockerHost.Should().Be("unix:///var/run/docker.sock");
        messages.Should().Equal("Using the Docker engine at unix:///var/run/docker.sock.");
        (await LocalDockerEngine.PingAsync("/var/run/docker.sock", CancellationToken.None)).Should().BeTrue();
    }

    [Fact]
    public async Task Without_an_engine_or_apt_the_error_says_what_to_install()
    {
        var options = new LocalDockerEngineOptions { SocketPath = "/tmp/pipeline-no-engine.sock", Host = new HostFacts(IsDebian: false, IsRoot: true) };

        var act = () => LocalDockerEngine.EnsureAsync(options);

        (await act.Should().ThrowAsync<InfrastructureException>())
            .WithMessage("No Docker engine answers at unix:///tmp/pipeline-no-engine.sock*apt-get install docker.io*docs.docker.com/engine/install*DOCKER_HOST*");
    }

    [Fact]
    public async Task Starting_can_be_forbidden()
    {
        var options = new LocalDockerEngineOptions { SocketPath = "/tmp/pipeline-no-engine.sock", AllowStart = false, Host = new HostFacts(IsDebian: true, IsRoot: true) };

        var act = () => LocalDockerEngine.EnsureAsync(options);

        await act.Should().ThrowAsync<InfrastructureException>();
    }

    [InfrastructureFact]
    public async Task Infrastructure_brings_up_a_registry_and_stops_only_what_it_started()
    {
        var infrastructure = await LocalInfrastructure.StartAsync();
        var address = infrastructure.Registry.Address;
        await infrastructure.DisposeAsync();

        infrastructure.Engine.Started.Should().BeFalse();
        (await LocalDockerEngine.PingAsync("/var/run/docker.sock", CancellationToken.None)).Should().BeTrue("the engine was not started here, so it keeps running");
        using var http = new HttpClient();
        var act = () => http.GetAsync(new Uri($"http://{address}/v2/"));
        await act.Should().ThrowAsync<HttpRequestException>();
    }
}
