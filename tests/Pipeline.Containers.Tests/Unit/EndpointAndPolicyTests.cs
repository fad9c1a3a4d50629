using System.Net.Http.Headers;

namespace Pipeline.Containers.Tests.Unit;

public sealed class EndpointAndPolicyTests
{
    [Theory]
    [InlineData(null, "unix:///var/run/docker.sock", true)]
    [InlineData("unix:///run/user/1000/docker.sock", "unix:///run/user/1000/docker.sock", true)]
    [InlineData("tcp://10.0.0.5:2375", "tcp://10.0.0.5:2375/", false)]
    [InlineData("10.0.0.5:2375", "tcp://10.0.0.5:2375/", false)]
    public void DOCKER_HOST_selects_the_endpoint(string? dockerHost, string expected, bool unix)
    {
        var endpoint = DockerEndpoint.FromEnvironment(name => name == "DOCKER_HOST" ? dockerHost : null);

        endpoint.ToString().Should().Be(expected);
        endpoint.IsUnixSocket.Should().Be(unix);
    }

    [Fact]
    public void DOCKER_TLS_VERIFY_turns_on_tls_with_the_certificate_folder()
    {
        var environment = new Dictionary<string, string> { ["DOCKER_HOST"] = "tcp://docker.example:2376", ["DOCKER_TLS_VERIFY"] = "1", ["DOCKER_CERT_PATH"] = "/certs" };

        var endpoint = DockerEndpoint.FromEnvironment(environment.GetValueOrDefault);

        endpoint.UseTls.Should().BeTrue();
        endpoint.CertificatePath.Should().Be("/certs");
        endpoint.BaseAddress.ToString().Should().Be("https://docker.example:2376/");
    }

    [Theory]
    [InlineData("ssh://user@host")]
    [InlineData("npipe:////./pipe/docker_engine")]
    public void Unsupported_DOCKER_HOST_schemes_are_named(string dockerHost)
    {
        var act = () => DockerEndpoint.Parse(dockerHost);

        act.Should().Throw<ContainerException>().WithMessage($"DOCKER_HOST '{dockerHost}' is not supported*");
    }

    [Fact]
    public void Retry_delay_doubles_honours_Retry_After_and_is_bounded()
    {
        var policy = new RetryOptions { MaxAttempts = 5, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(10) };
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        policy.DelayAfter(1, null, now).Should().Be(TimeSpan.FromSeconds(1));
        policy.DelayAfter(3, null, now).Should().Be(TimeSpan.FromSeconds(4));
        policy.DelayAfter(9, null, now).Should().Be(TimeSpan.FromSeconds(10));
        policy.DelayAfter(1, new RetryConditionHeaderValue(TimeSpan.FromSeconds(3)), now).Should().Be(TimeSpan.FromSeconds(3));
        policy.DelayAfter(1, new RetryConditionHeaderValue(now.AddSeconds(6)), now).Should().Be(TimeSpan.FromSeconds(6));
        policy.DelayAfter(1, new RetryConditionHeaderValue(TimeSpan.FromMinutes(5)), now).Should().Be(TimeSpan.FromSeconds(10));
    }

    [Theory]
    [InlineData(null, BuildStrategyKind.Auto)]
    [InlineData("buildx", BuildStrategyKind.Buildx)]
    [InlineData("Engine", BuildStrategyKind.Engine)]
    [InlineData("SPLIT", BuildStrategyKind.Split)]
    [InlineData(" direct ", BuildStrategyKind.Direct)]
    public void Build_strategy_parameter_parses(string? text, BuildStrategyKind expected) =>
        BuildStrategyKinds.Parse(text).Should().Be(expected);

    [Fact]
    public void Unknown_build_strategy_lists_the_valid_ones()
    {
        var act = () => BuildStrategyKinds.Parse("kaniko");

        act.Should().Throw<BuildInputException>().WithMessage("--build-strategy 'kaniko'*auto, buildx, engine, split or direct*");
    }
}
