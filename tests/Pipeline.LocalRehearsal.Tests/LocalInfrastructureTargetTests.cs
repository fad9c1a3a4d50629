using System.Net.Http;
using Pipeline.Rehearsal.Infrastructure;
using Pipeline.Rehearsal.Tests.Infrastructure;
using Pipeline.Targets;

namespace Pipeline.LocalRehearsal.Tests;

public sealed class LocalInfrastructureTargetTests
{
    [InfrastructureFact]
    public async Task The_target_brings_up_a_registry_for_the_build_and_stops_it_when_the_build_ends()
    {
        var root = Directory.CreateTempSubdirectory("pipeline-infra-build-").FullName;
        Directory.CreateDirectory(Path.Combine(root, ".nuke"));
        var port = FreePort();
        var build = new InfrastructureBuild();
        using var output = new StringWriter();

        var outcome = await BuildEngine.RunAsync(build, new BuildInvocation(["UseRegistry", "--local-registry-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            Output = output,
            WorkingDirectory = root,
            IsTerminal = false,
        });

        outcome.ExitCode.Should().Be(0, output.ToString());
        build.AnsweredDuringBuild.Should().BeTrue();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var afterwards = async () => await http.GetAsync(new Uri($"http://127.0.0.1:{port}/v2/"));
        await afterwards.Should().ThrowAsync<HttpRequestException>("the registry started for the build is stopped when it ends");
        output.ToString().Should().Contain($"registry: 127.0.0.1:{port}");
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public sealed class InfrastructureBuild : PipelineBuild, ILocalInfrastructure
    {
        public bool AnsweredDuringBuild { get; private set; }

        public Target UseRegistry => _ => _
            .DependsOn<ILocalInfrastructure>(x => x.LocalInfrastructure)
            .Executes(async () =>
            {
                using var http = new HttpClient();
                var port = ((ILocalInfrastructure)this).LocalRegistryPort;
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/v2/"));
                AnsweredDuringBuild = response.IsSuccessStatusCode;
            });
    }
}
