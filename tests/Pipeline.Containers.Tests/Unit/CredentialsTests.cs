using System.Text;
using Pipeline.Tests.Shared;

namespace Pipeline.Containers.Tests.Unit;

public sealed class CredentialsTests
{
    private static string ConfigFile(string json)
    {
        var path = Path.Combine(TestTemp.Folder("pipeline-docker-config-"), "config.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static string Auth(string user, string password) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    [Fact]
    public void Docker_config_auths_are_found_by_normalised_registry()
    {
        var path = ConfigFile($$"""
            {"auths": {
              "https://index.docker.io/v1/": {"auth": "{{Auth("hubuser", "hubpass")}}"},
              "ghcr.io": {"username": "octo", "password": "ghp_x"},
              "localhost:5000": {"auth": "{{Auth("local", "pa:ss")}}"}
            }, "credsStore": "desktop"}
            """);
        var provider = new RegistryCredentialProvider(dockerConfigPath: path, environment: _ => null);

        provider.Find("docker.io")!.Username.Should().Be("hubuser");
        provider.Find("ghcr.io")!.Password.Reveal().Should().Be("ghp_x");
        provider.Find("localhost:5000")!.Password.Reveal().Should().Be("pa:ss");
        provider.Find("localhost:5000")!.Source.Should().Contain(path);
        provider.Find("quay.io").Should().BeNull();
    }

    [Fact]
    public void Explicit_credentials_win_then_config_then_GITHUB_TOKEN_for_ghcr_only()
    {
        var path = ConfigFile("{\"auths\": {\"ghcr.io\": {\"auth\": \"" + Auth("fromconfig", "c") + "\"}}}");
        var environment = new Dictionary<string, string> { ["GITHUB_TOKEN"] = "ghs_token", ["GITHUB_ACTOR"] = "octocat" };
        var withConfig = new RegistryCredentialProvider(dockerConfigPath: path, environment: environment.GetValueOrDefault);
        var withoutConfig = new RegistryCredentialProvider(dockerConfigPath: string.Empty, environment: environment.GetValueOrDefault);
        var withExplicit = withConfig.With("ghcr.io", new RegistryCredential("param", new Secret("p"), "--registry-password"));

        withExplicit.Find("ghcr.io")!.Source.Should().Be("--registry-password");
        withConfig.Find("ghcr.io")!.Username.Should().Be("fromconfig");
        var fromToken = withoutConfig.Find("ghcr.io")!;
        fromToken.Username.Should().Be("octocat");
        fromToken.Password.Reveal().Should().Be("ghs_token");
        fromToken.Source.Should().Be("GITHUB_TOKEN");
        withoutConfig.Find("docker.io").Should().BeNull("GITHUB_TOKEN is only for ghcr.io");
    }

    [Fact]
    public void DOCKER_CONFIG_names_the_config_folder()
    {
        var path = ConfigFile("{\"auths\": {\"r.example\": {\"auth\": \"" + Auth("u", "p") + "\"}}}");
        var provider = new RegistryCredentialProvider(environment: name => name == "DOCKER_CONFIG" ? Path.GetDirectoryName(path) : null);

        provider.Find("r.example")!.Username.Should().Be("u");
    }

    [Fact]
    public void Broken_config_file_is_reported_with_its_path()
    {
        var path = ConfigFile("{ broken");
        var provider = new RegistryCredentialProvider(dockerConfigPath: path, environment: _ => null);

        var act = () => provider.Find("ghcr.io");

        act.Should().Throw<ContainerException>().WithMessage($"*{path}*not valid JSON*");
    }

    [Theory]
    [InlineData("127.0.0.1:5000", "http")]
    [InlineData("localhost:5000", "http")]
    [InlineData("ghcr.io", "https")]
    [InlineData("registry.internal:5000", "http")]
    public void Plain_http_only_for_loopback_and_listed_insecure_registries(string registry, string scheme)
    {
        var options = new RegistryClientOptions { InsecureRegistries = ["registry.internal:5000"] };

        options.SchemeFor(registry).Should().Be(scheme);
    }
}
